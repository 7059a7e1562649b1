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
func (ts *timers) install() {
	ts.timers = map[int64]*timer{}
	set := func(interval, immediate bool) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			fn, ok := goja.AssertFunction(call.Argument(0))
			if !ok {
				panic(ts.h.nodeError("TypeError", `The "callback" argument must be of type function. Received `+describeArg(call.Argument(0)),
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
			ts.timerID++
			t.id = ts.timerID
			ts.timers[t.id] = t
			t.obj = ts.timerObject(t)
			job := func() error { return ts.fire(t) }
			if immediate {
				t.task = ts.h.loop.Immediate(job)
			} else {
				t.task = eventloop.NewTask(job)
				ts.h.loop.Schedule(t.task, t.delay)
			}
			return t.obj
		}
	}
	_ = ts.h.vm.Set("setTimeout", set(false, false))
	_ = ts.h.vm.Set("setInterval", set(true, false))
	_ = ts.h.vm.Set("setImmediate", set(false, true))
	for _, name := range []string{"clearTimeout", "clearInterval", "clearImmediate"} {
		_ = ts.h.vm.Set(name, func(call goja.FunctionCall) goja.Value {
			ts.clearTimer(call.Argument(0))
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
func (ts *timers) fire(t *timer) error {
	if t.cleared {
		return nil
	}
	if t.interval {
		// Re-armed from the time it fired, as timers.js listOnTimeout does.
		ts.h.loop.Schedule(t.task, t.delay)
	} else {
		delete(ts.timers, t.id)
	}
	_, err := t.fn(goja.Undefined(), t.args...)
	return err
}

func (ts *timers) clearTimer(v goja.Value) {
	var id int64
	if o, ok := v.(*goja.Object); ok {
		if idv := o.Get("_bridgeTimerId"); idv != nil {
			id = idv.ToInteger()
		}
	} else if v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) {
		id = v.ToInteger()
	}
	t, ok := ts.timers[id]
	if !ok {
		return
	}
	t.cleared = true
	delete(ts.timers, id)
	if t.immediate {
		ts.h.loop.CancelImmediate(t.task)
	} else {
		ts.h.loop.Unschedule(t.task)
	}
}

// timerObject is what setTimeout returns: like Node's Timeout, it has ref,
// unref, hasRef and refresh, and turns into its id as a number.
func (ts *timers) timerObject(t *timer) *goja.Object {
	o := ts.h.vm.NewObject()
	_ = o.DefineDataProperty("_bridgeTimerId", ts.h.vm.ToValue(t.id), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	self := func(goja.FunctionCall) goja.Value { return o }
	_ = o.Set("ref", self)
	_ = o.Set("unref", self)
	_ = o.Set("hasRef", func(goja.FunctionCall) goja.Value { return ts.h.vm.ToValue(true) })
	_ = o.Set("refresh", func(goja.FunctionCall) goja.Value {
		if !t.cleared && !t.immediate && ts.h.loop.Unschedule(t.task) {
			ts.h.loop.Schedule(t.task, t.delay)
		}
		return o
	})
	_ = o.Set(`valueOf`, func(goja.FunctionCall) goja.Value { return ts.h.vm.ToValue(t.id) })
	return o
}

// stopTimers cancels the timers still set when a run ends.
func (ts *timers) stopTimers() {
	for id, t := range ts.timers {
		t.cleared = true
		delete(ts.timers, id)
	}
	ts.h.loop.ClearTimers()
}
