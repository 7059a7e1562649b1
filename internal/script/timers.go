package script

import (
	"math"
	"time"

	"github.com/dop251/goja"

	"github.com/jira-auth0-bridge/bridge/internal/eventloop"
)

// timers are the timer globals and the timers set so far.
type timers struct {
	h       *host
	timers  map[int64]*timer
	timerID int64
}

// timer is one setTimeout, setInterval or setImmediate; the loop orders
// their firings (internal/eventloop).
type timer struct {
	id        int64
	fn        goja.Callable
	args      []goja.Value
	delay     time.Duration
	interval  bool
	immediate bool
	task      *eventloop.Task
	cleared   bool
	obj       *goja.Object
}

// install provides setTimeout, setInterval, setImmediate and their
// clear functions, with Node's argument rules: a non-function callback is a
// TypeError; a delay that is not a number in [1, 2^31-1] ms becomes 1 ms.
func (r *timers) install() {
	r.timers = map[int64]*timer{}
	set := func(interval, immediate bool) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			fn, ok := goja.AssertFunction(call.Argument(0))
			if !ok {
				panic(r.h.nodeError("TypeError", `The "callback" argument must be of type function. Received `+describeArg(call.Argument(0)),
					map[string]any{"code": "ERR_INVALID_ARG_TYPE"}))
			}
			t := &timer{fn: fn, interval: interval, immediate: immediate}
			rest := 1
			if !immediate {
				t.delay = nodeDelay(call.Argument(1))
				rest = 2
			}
			if len(call.Arguments) > rest {
				t.args = append([]goja.Value(nil), call.Arguments[rest:]...)
			}
			r.timerID++
			t.id = r.timerID
			r.timers[t.id] = t
			t.obj = r.timerObject(t)
			job := func() error { return r.fire(t) }
			if immediate {
				t.task = r.h.loop.Immediate(job)
			} else {
				t.task = eventloop.NewTask(job)
				r.h.loop.Schedule(t.task, t.delay)
			}
			return t.obj
		}
	}
	_ = r.h.vm.Set("setTimeout", set(false, false))
	_ = r.h.vm.Set("setInterval", set(true, false))
	_ = r.h.vm.Set("setImmediate", set(false, true))
	for _, name := range []string{"clearTimeout", "clearInterval", "clearImmediate"} {
		_ = r.h.vm.Set(name, func(call goja.FunctionCall) goja.Value {
			r.clearTimer(call.Argument(0))
			return goja.Undefined()
		})
	}
}

// nodeDelay applies Node's delay rules (timers.js: after < 1 or > TIMEOUT_MAX -> 1).
func nodeDelay(v goja.Value) time.Duration {
	ms := v.ToFloat()
	if math.IsNaN(ms) || ms < 1 || ms > math.MaxInt32 {
		ms = 1
	}
	return time.Duration(ms * float64(time.Millisecond))
}

// fire runs a timer's callback on the loop goroutine.
func (r *timers) fire(t *timer) error {
	if t.cleared {
		return nil
	}
	if t.interval {
		// Re-armed from the time it fired, as timers.js listOnTimeout does.
		r.h.loop.Schedule(t.task, t.delay)
	} else {
		delete(r.timers, t.id)
	}
	_, err := t.fn(goja.Undefined(), t.args...)
	return err
}

func (r *timers) clearTimer(v goja.Value) {
	var id int64
	if o, ok := v.(*goja.Object); ok {
		if idv := o.Get("_bridgeTimerId"); idv != nil {
			id = idv.ToInteger()
		}
	} else if v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) {
		id = v.ToInteger()
	}
	t, ok := r.timers[id]
	if !ok {
		return
	}
	t.cleared = true
	delete(r.timers, id)
	if t.immediate {
		r.h.loop.CancelImmediate(t.task)
	} else {
		r.h.loop.Unschedule(t.task)
	}
}

// timerObject is what setTimeout returns: like Node's Timeout, it has ref,
// unref, hasRef and refresh, and turns into its id as a number.
func (r *timers) timerObject(t *timer) *goja.Object {
	o := r.h.vm.NewObject()
	_ = o.DefineDataProperty("_bridgeTimerId", r.h.vm.ToValue(t.id), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	self := func(goja.FunctionCall) goja.Value { return o }
	_ = o.Set("ref", self)
	_ = o.Set("unref", self)
	_ = o.Set("hasRef", func(goja.FunctionCall) goja.Value { return r.h.vm.ToValue(true) })
	_ = o.Set("refresh", func(goja.FunctionCall) goja.Value {
		if !t.cleared && !t.immediate && r.h.loop.Unschedule(t.task) {
			r.h.loop.Schedule(t.task, t.delay)
		}
		return o
	})
	_ = o.Set(`valueOf`, func(goja.FunctionCall) goja.Value { return r.h.vm.ToValue(t.id) })
	return o
}

// stopTimers cancels the timers still set when a run ends.
func (r *timers) stopTimers() {
	for id, t := range r.timers {
		t.cleared = true
		delete(r.timers, id)
	}
	r.h.loop.ClearTimers()
}
