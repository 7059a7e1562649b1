package script

import (
	"fmt"
	"time"
)

// settle turns how the loop ended into the Result.
func (r *runner) settle(err error) {
	r.h.vm.ClearInterrupt()
	reason := r.stopReason()
	if reason == nil && runEnded(r.h.ctx) {
		// The time limit passed, and the loop saw it before the watcher did:
		// a request aborted at the deadline unregisters itself, and the loop
		// may go idle before the context's own timer has run (on one P it
		// waits for this goroutine), so the deadline is read, not ctx.Err.
		reason = r.ctxReason()
	}
	defer r.rearm(reason)() // a toString called below cannot run forever
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
