package sandbox

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// call is one case in flight on one worker.
type call struct {
	pl    *Pool
	s     *slot
	p     *proc
	rf    *runFrame
	opts  script.Options
	start time.Time
	reqs  []pendingReq // as the worker reported them, by n

	console []script.ConsoleLine // as the worker sent them, within bound
	bound   consoleBound
}

// pendingReq is a request the worker reported.
type pendingReq struct {
	q       script.Request
	started time.Time
	ended   time.Time
	done    bool
	late    bool // ended at or past the worker's time limit (reqEvent.Late)
}

// run sends the case and waits for its result, enforcing the limits.
func (c *call) run(ctx context.Context) *script.Result {
	if err := c.p.awaitHello(ctx); err != nil {
		if ctx.Err() != nil {
			return canceled(ctx, nil)
		}
		c.pl.replace(c.s, c.p)
		return crashed(err.Error(), nil)
	}
	if err := writeFrame(c.p.stdin, &frame{Type: frameRun, Run: c.rf}); err != nil {
		return c.died()
	}
	c.p.hashes[c.rf.Hash] = true
	// Until the worker says the run started (it compiles first, once per
	// script), the deadline is startWait further.
	deadline := time.NewTimer(startWait + c.opts.Timeout + KillGrace)
	defer deadline.Stop()
	rss := time.NewTicker(rssPoll)
	defer rss.Stop()
	for {
		select {
		case f, ok := <-c.p.frames:
			if !ok {
				return c.died()
			}
			if f.Type == frameStart && f.Start == c.rf.ID {
				c.start = time.Now()
				deadline.Reset(c.opts.Timeout + KillGrace)
				continue
			}
			if f.Type == frameStuck && f.Stuck == c.rf.ID {
				c.pl.replace(c.s, c.p)
				return c.timedOut(StuckGrace)
			}
			if res := c.frame(f); res != nil {
				c.retire(res)
				return res
			}
		case <-deadline.C:
			c.pl.replace(c.s, c.p)
			return c.timedOut(KillGrace)
		case <-rss.C:
			if n, ok := rssOf(c.p.cmd.Process.Pid); ok && n > rssBar(c.opts.MaxMemory, RSSSlack) {
				c.pl.replace(c.s, c.p)
				return c.finish(script.KindMemory, fmt.Sprintf(
					"the sandbox worker's memory grew past the %d MiB ceiling (%d MiB resident) and it was stopped; raise it with --max-memory if this is expected",
					c.opts.MaxMemory>>20, n>>20))
			}
		case <-ctx.Done():
			c.pl.replace(c.s, c.p)
			res := canceled(ctx, c.requests())
			res.Console = c.consoleLines()
			return res
		}
	}
}

// frame handles one frame from the worker; a result ends the call.
func (c *call) frame(f *frame) *script.Result {
	switch {
	case f.Type == frameReq && f.Req != nil && f.Req.ID == c.rf.ID:
		c.event(f.Req)
	case f.Type == frameOut && f.Console != nil && f.Console.ID == c.rf.ID:
		if l := f.Console.ConsoleLine; c.bound.admit(&l) {
			c.console = append(c.console, l)
		}
	case f.Type == frameResult && f.Result != nil && f.Result.ID == c.rf.ID && f.Result.Result != nil:
		res := f.Result.Result
		boundResult(res)
		res.Console = c.consoleLines()
		res.Duration = f.Result.Duration
		for i := range res.Requests {
			if i < len(f.Result.ReqDuration) {
				res.Requests[i].Duration = f.Result.ReqDuration[i]
			}
		}
		return res
	}
	return nil
}

// retire replaces the worker after a run that reached the memory ceiling,
// or that left the worker's resident set near the kill bar: the Go runtime keeps
// freed memory for a while, and the next case in this worker would be
// measured against it and blamed for the memory.
func (c *call) retire(res *script.Result) {
	n, ok := rssOf(c.p.cmd.Process.Pid)
	if res.Outcome == script.KindMemory || (ok && n > rssBar(c.opts.MaxMemory, RSSSlack/2)) {
		c.pl.replace(c.s, c.p)
	}
}

// event records a request event, within the bounds.
func (c *call) event(ev *reqEvent) {
	if ev.N < 0 || ev.N >= MaxRequests {
		return
	}
	for len(c.reqs) <= ev.N {
		c.reqs = append(c.reqs, pendingReq{})
	}
	r := &c.reqs[ev.N]
	if ev.Phase == "start" {
		r.q = script.Request{Method: cut(ev.Method, 64), URL: cut(ev.URL, MaxURL)}
		r.started = time.Now()
		return
	}
	r.done, r.ended, r.late = true, time.Now(), ev.Late
	r.q.Status = ev.Status
	r.q.Error = cut(ev.Error, MaxMessage)
	r.q.Duration = time.Since(r.started)
}

// requests is the request log as the worker last reported it.
func (c *call) requests() []script.Request {
	out := make([]script.Request, 0, len(c.reqs))
	for _, r := range c.reqs {
		q := r.q
		if !r.done {
			q.Duration = time.Since(r.started)
			q.Error = "still pending when the run ended"
		}
		out = append(out, q)
	}
	return out
}

// timedOut is the result of a worker killed at the time limit, still
// running grace past it.
func (c *call) timedOut(grace time.Duration) *script.Result {
	msg := fmt.Sprintf("the script did not call cb within %s", c.opts.Timeout)
	if c.start.IsZero() {
		return c.finish(script.KindTimeout, fmt.Sprintf("the sandbox worker did not start the script within %s (is the machine overloaded?) and was stopped", startWait+c.opts.Timeout+KillGrace))
	}
	// Pending at the limit: still open, or aborted by the worker's own
	// time limit (it closes its connections then) while its script hung.
	limit := c.start.Add(c.opts.Timeout)
	var pend []string
	for _, r := range c.reqs {
		if r.started.IsZero() || (r.done && !r.late && r.ended.Before(limit)) {
			continue
		}
		what := r.q.Method + " " + r.q.URL
		if r.q.Method == "" {
			what = "a request on the TLS connection to " + r.q.URL
		}
		pend = append(pend, fmt.Sprintf("%s (for %s)", what, limit.Sub(r.started).Round(time.Millisecond)))
	}
	if len(pend) == 0 {
		msg += "; no request was pending"
	} else {
		msg += "; still pending: " + strings.Join(pend, "; ")
	}
	msg += fmt.Sprintf("; the script was still running %s later (inside a call that cannot be interrupted) and its sandbox worker was stopped", grace)
	return c.finish(script.KindTimeout, msg)
}

// died is the result of a worker that exited during the case.
func (c *call) died() *script.Result {
	select {
	case <-c.p.exited:
	case <-time.After(time.Second):
		c.p.kill()
		<-c.p.exited
	}
	c.pl.replace(c.s, c.p)
	if c.p.exitCode() == exitMemory {
		return c.finish(script.KindMemory, fmt.Sprintf(
			"the script's heap grew past the %d MiB ceiling inside a call that cannot be interrupted, and its sandbox worker was stopped; raise it with --max-memory if this is expected",
			c.opts.MaxMemory>>20))
	}
	why := "exited"
	if c.p.readErr != nil {
		why = "broke the protocol (" + c.p.readErr.Error() + ")"
	} else if c.p.waitErr != nil {
		why = "died (" + c.p.waitErr.Error() + ")"
	}
	res := crashed(lastWordsMessage(why, c.p.lastWords()), c.requests())
	res.Duration = c.elapsed()
	res.Console = c.consoleLines()
	return res
}

func lastWordsMessage(why, words string) string {
	msg := "the sandbox worker running this case " + why
	if words != "" {
		msg += "; its last words: " + words
	}
	return msg
}

// finish is a result the parent decides, with the reported requests.
func (c *call) finish(kind script.Kind, msg string) *script.Result {
	res := &script.Result{Outcome: kind, Error: &script.Error{Kind: kind, Message: msg},
		Requests: c.requests(), Duration: c.elapsed()}
	boundResult(res)
	res.Console = c.consoleLines()
	return res
}

// consoleLines is what the script printed, as the worker sent it.
func (c *call) consoleLines() []script.ConsoleLine {
	return append(append([]script.ConsoleLine{}, c.console...), c.bound.marker()...)
}

func crashed(msg string, reqs []script.Request) *script.Result {
	res := &script.Result{Outcome: KindCrash, Error: &script.Error{Kind: KindCrash, Message: cut(msg, MaxMessage)},
		Console: []script.ConsoleLine{}, Requests: reqs}
	boundResult(res)
	return res
}

func canceled(ctx context.Context, reqs []script.Request) *script.Result {
	res := &script.Result{Outcome: script.KindTimeout, Error: &script.Error{Kind: script.KindTimeout,
		Message: "the run was canceled (" + ctx.Err().Error() + ")"}, Console: []script.ConsoleLine{}, Requests: reqs}
	boundResult(res)
	return res
}

// elapsed is the case's time so far, from the worker's start frame.
func (c *call) elapsed() time.Duration {
	if c.start.IsZero() {
		return 0
	}
	return time.Since(c.start)
}

// rssBar is the resident set past which a worker is stopped: the ceiling
// plus slack, widened by rssFactor under the race detector.
func rssBar(ceiling, slack int64) int64 {
	bar := satAdd(ceiling, slack)
	for i := 1; i < rssFactor; i++ {
		bar = satAdd(bar, satAdd(ceiling, slack))
	}
	return bar
}
