package script

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/dop251/goja"

	"github.com/jira-auth0-bridge/bridge/internal/eventloop"
	"github.com/jira-auth0-bridge/bridge/internal/redact"
	"github.com/jira-auth0-bridge/bridge/internal/wire"
)

// stopReason says why a run was stopped from outside the script.
type stopReason struct {
	kind Kind // "" = the grace period after cb ran out
	why  string
}

// runner is the state of one Run that is not a module's: the callback
// state and how the run stops. Everything but stop and the memory watchdog
// lives on the goroutine that called Run.
type runner struct {
	h      *host
	mods   *registry
	parent context.Context // the caller's
	start  time.Time

	cbCalls  int
	first    *Result // the outcome of the first cb
	secondAt string  // where the second cb came from

	stopOnce sync.Once
	stopCh   chan struct{}
	stopMu   sync.Mutex
	reason   *stopReason
}

// Run runs the script once: evaluates it, calls it as fn(token, tokenSecret,
// ctx, cb) (or fn(accessToken, ctx, cb) under ProtocolOAuth2) on a fresh
// runtime and event loop, and returns how it ended. It never panics and
// always returns a Result.
func (p *Program) Run(ctx context.Context, opts Options) (res *Result) {
	start := time.Now()
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.MaxMemory <= 0 {
		opts.MaxMemory = DefaultMaxMemory
	}
	runCtx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	h := &host{
		prog: p,
		opts: opts,
		red:  redact.Memo(secretForms(runSecrets(opts))...),
		res:  &Result{Console: []ConsoleLine{}, Requests: []Request{}},
		ctx:  runCtx,
	}
	h.net = &netHost{h: h, policy: newNetPolicy(opts), wire: wire.For(opts.HTTPClient), inflight: map[int]time.Time{}}
	r := &runner{h: h, start: start, stopCh: make(chan struct{})}
	r.mods = newRegistry(h, opts.Runtime)
	h.loop = eventloop.New(h.rej.unhandledRejection)
	defer func() {
		if v := recover(); v != nil {
			h.res.Profile = nil
			h.res.Error = r.recovered(v)
			h.res.Outcome = h.res.Error.Kind
		}
		r.finishRequests()
		r.mods.timers.stopTimers()
		r.redactResult()
		r.boundResult()
		h.res.Duration = time.Since(start)
		res = h.res
	}()
	if e := runtimeError(opts.Runtime); e != nil {
		h.res.Outcome, h.res.Error = e.Kind, e
		return h.res
	}
	if e := protocolError(opts.Protocol); e != nil {
		h.res.Outcome, h.res.Error = e.Kind, e
		return h.res
	}
	h.vm = goja.New()
	h.vm.SetMaxCallStackSize(maxCallStackSize)
	h.rej.trackRejections()
	r.mods.install() // before the watchers start: nothing may interrupt it halfway

	r.parent = ctx
	go func() {
		select {
		case <-runCtx.Done():
			r.stop(r.ctxReason())
		case <-r.stopCh:
		}
	}()
	go watchMemory(opts.MaxMemory, r.stopCh, func(used uint64) {
		r.stop(&stopReason{kind: KindMemory, why: fmt.Sprintf(
			"the script's heap grew past the %s ceiling (%s in use); raise it with --max-memory if this is expected",
			formatBytes(uint64(opts.MaxMemory)), formatBytes(used))})
	})
	defer r.stop(&stopReason{}) // ends the watchers

	err := r.call()
	if err == nil {
		err = h.rej.unhandledRejection()
	}
	if err == nil {
		err = h.loop.Run(r.stopCh, func() bool { return r.cbCalls >= 2 })
		var pe *eventloop.PanicError
		if errors.As(err, &pe) {
			panic(pe.Value) // the deferred recover reports it as an internal error
		}
	}
	r.settle(err)
	return h.res
}

// stop ends the run from any goroutine: the loop stops waiting and running JS
// is interrupted. The first reason wins.
func (r *runner) stop(reason *stopReason) {
	r.stopOnce.Do(func() {
		r.stopMu.Lock()
		r.reason = reason
		r.stopMu.Unlock()
		close(r.stopCh)
		if r.h.vm != nil {
			r.h.vm.Interrupt(reason)
		}
	})
}

// ctxReason is why the run's context ended: canceled by the caller, or the time limit.
func (r *runner) ctxReason() *stopReason {
	if err := r.parent.Err(); err != nil {
		return &stopReason{kind: KindTimeout, why: "the run was canceled (" + err.Error() + ")"}
	}
	return &stopReason{kind: KindTimeout}
}

func (r *runner) stopReason() *stopReason {
	r.stopMu.Lock()
	defer r.stopMu.Unlock()
	return r.reason
}

// call evaluates the script and calls the function it evaluates to.
func (r *runner) call() error {
	v, err := r.h.vm.RunProgram(r.h.prog.prg)
	if err != nil {
		return err
	}
	fn, ok := goja.AssertFunction(v)
	if !ok {
		return &Error{Kind: KindSyntax, Message: "the script does not evaluate to a function"}
	}
	cb := r.h.vm.ToValue(r.callback)
	if r.h.opts.Protocol == ProtocolOAuth2 {
		ctxObj := r.h.vm.ToValue(r.h.opts.Ctx.OAuth2Object(r.h.opts.Token))
		_, err = fn(goja.Undefined(), r.h.vm.ToValue(r.h.opts.Token), ctxObj, cb)
		return err
	}
	ctxObj := r.h.vm.ToValue(r.h.opts.Ctx.Object())
	_, err = fn(goja.Undefined(), r.h.vm.ToValue(r.h.opts.Token), r.h.vm.ToValue(r.h.opts.TokenSecret), ctxObj, cb)
	return err
}

// callback is the cb the script gets. The first call decides the outcome;
// a second one is a double_callback.
func (r *runner) callback(call goja.FunctionCall) goja.Value {
	r.cbCalls++
	switch r.cbCalls {
	case 1:
		r.first = r.outcomeOf(call)
		// Keep going a little while work is pending, to catch a second cb.
		t := time.AfterFunc(afterCallbackGrace, func() { r.stop(&stopReason{}) })
		go func() { <-r.stopCh; t.Stop() }()
	case 2:
		r.secondAt = r.h.callerPosition()
		r.stop(&stopReason{kind: KindDoubleCallback})
	}
	return goja.Undefined()
}
