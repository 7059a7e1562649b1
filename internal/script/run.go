package script

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/dop251/goja"

	"github.com/jira-auth0-bridge/bridge/internal/eventloop"
	"github.com/jira-auth0-bridge/bridge/internal/redact"
	"github.com/jira-auth0-bridge/bridge/internal/wire"
)

// Defaults of Options.
const (
	DefaultTimeout   = 20 * time.Second // the webtask limit, about 20 s (docs/auth0.md "The sandbox")
	DefaultMaxMemory = 256 << 20        // 256 MiB

	// afterCallbackGrace is how long a run keeps going after the first cb
	// while work is still pending, so that a second cb is caught.
	afterCallbackGrace = time.Second
	// maxCallStackSize turns runaway recursion into a stack overflow.
	maxCallStackSize = 4096
)

// Options configure one Run.
type Options struct {
	Token, TokenSecret string
	Ctx                Context
	AllowedHosts       []string      // host[:port] the script may reach; empty = hosts of Ctx URLs
	Timeout            time.Duration // 0 = 20s
	MaxMemory          int64         // bytes; 0 = 256 MiB
	HTTPClient         *http.Client  // nil = a shared keep-alive client
	Secrets            []string      // more values to redact (ClientSecret and TokenSecret always are)

	// Protocol is the calling convention: ProtocolOAuth1 ("" too) calls
	// fn(token, tokenSecret, ctx, cb); ProtocolOAuth2 calls fn(accessToken,
	// ctx, cb) with Token as the access token (protocol.go).
	Protocol string

	// Runtime selects the runtime profile, the set of Node globals and
	// modules the sandbox offers; RuntimeDefault ("") is the only one today.
	Runtime string

	// hooks lets tests fix what node-oauth leaves to chance.
	hooks *testHooks
}

// testHooks are the Go equivalents of monkeypatching _getNonce and
// _getTimestamp in Node (the conformance tests use them).
type testHooks struct {
	nonce     func() string
	timestamp func() int64
	onBase    func(string) // sees every signature base string
}

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
// ctx, cb) on a fresh runtime and event loop, and returns how it ended. It
// never panics and always returns a Result.
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
		red:  redact.New(secretForms(runSecrets(opts))...),
		res:  &Result{Console: []ConsoleLine{}, Requests: []Request{}},
		ctx:  runCtx,
	}
	h.net = &netHost{h: h, policy: newNetPolicy(opts), wire: wire.For(opts.HTTPClient), inflight: map[int]time.Time{}}
	r := &runner{h: h, start: start, stopCh: make(chan struct{})}
	r.mods = newRegistry(h, opts.Runtime)
	h.loop = eventloop.New(h.rej.unhandledRejection)
	defer func() {
		if v := recover(); v != nil {
			h.res.Outcome = KindException
			h.res.Profile = nil
			h.res.Error = failure(KindException, "bridge: internal error while running the script: %v (please report it)", v)
		}
		r.finishRequests()
		r.mods.timers.stopTimers()
		r.redactResult()
		h.res.Duration = time.Since(start)
		res = h.res
	}()
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

// settle turns how the loop ended into the Result.
func (r *runner) settle(err error) {
	r.h.vm.ClearInterrupt()
	reason := r.stopReason()
	if reason == nil && r.h.ctx.Err() != nil {
		// The time limit passed, and the loop saw it before the watcher did.
		reason = r.ctxReason()
	}
	if r.cbCalls >= 2 {
		r.h.res.Outcome = KindDoubleCallback
		msg := "cb was called a second time"
		if r.secondAt != "" {
			msg += " at " + r.secondAt
		}
		if r.first != nil {
			msg += fmt.Sprintf("; the first call ended the run as %s", r.first.Outcome)
			if r.first.Error != nil {
				msg += ": " + r.first.Error.Message
			}
		}
		r.h.res.Error = &Error{Kind: KindDoubleCallback, Message: msg}
		return
	}
	if err != nil {
		if e := r.errorOf(err, reason); e != nil {
			r.h.res.Outcome, r.h.res.Error = e.Kind, e
			if e.Kind == KindTimeout && e.Message == "" {
				e.Message = r.timeoutMessage()
			}
			return
		}
	}
	if r.first != nil {
		*r.h.res = mergeFirst(r.h.res, r.first)
		return
	}
	switch {
	case reason != nil && reason.kind == KindMemory:
		r.h.res.Outcome, r.h.res.Error = KindMemory, &Error{Kind: KindMemory, Message: reason.why}
	case reason != nil && reason.kind == KindTimeout:
		msg := r.timeoutMessage()
		if reason.why != "" {
			msg = reason.why + "; " + msg
		}
		r.h.res.Outcome, r.h.res.Error = KindTimeout, &Error{Kind: KindTimeout, Message: msg}
	default:
		r.h.res.Outcome, r.h.res.Error = KindTimeout, &Error{Kind: KindTimeout, Message: r.idleMessage()}
	}
}

func mergeFirst(res, first *Result) Result {
	out := *res
	out.Outcome, out.Profile, out.Error = first.Outcome, first.Profile, first.Error
	return out
}

// timeoutMessage lists the requests still pending at the time limit.
func (r *runner) timeoutMessage() string {
	msg := fmt.Sprintf("the script did not call cb within %s", r.h.opts.Timeout)
	if len(r.h.net.inflight) == 0 {
		return msg + "; no request was pending"
	}
	msg += "; still pending:"
	for i := range r.h.res.Requests {
		if t, ok := r.h.net.inflight[i]; ok {
			q := r.h.res.Requests[i]
			msg += fmt.Sprintf(" %s %s (for %s);", q.Method, q.URL, time.Since(t).Round(time.Millisecond))
		}
	}
	return msg[:len(msg)-1]
}

// idleMessage explains a run that ran out of work without calling cb.
func (r *runner) idleMessage() string {
	msg := "the script returned without calling cb and nothing is pending: in Auth0 the login would hang until the time limit"
	for _, q := range r.h.res.Requests {
		if q.Error != "" && q.Status == 0 {
			msg += fmt.Sprintf("; %s %s: %s", q.Method, q.URL, q.Error)
		}
	}
	return msg
}

// finishRequests marks the requests still in flight when the run ended.
func (r *runner) finishRequests() {
	for i, t := range r.h.net.inflight {
		q := &r.h.res.Requests[i]
		q.Duration = time.Since(t)
		if q.Error == "" {
			q.Error = "still pending when the run ended"
		}
	}
}
