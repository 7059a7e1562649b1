// Package eventloop is the event loop of one script run, modelled on k6's
// js/eventloop (github.com/grafana/k6, internal/js/eventloop) and ordered like
// Node's libuv phases (docs/fidelity.md "goja"):
//
//  1. timers: every timer that is due runs, earliest first, and in creation
//     order among timers due at the same time (Node's timer lists);
//  2. poll: work handed back from goroutines (an HTTP response) runs in the
//     order it arrived;
//  3. check: the immediates queued before this phase began run, in the order
//     they were queued.
//
// The k6 model: code on the loop's goroutine calls RegisterCallback before it
// starts work on another goroutine. That counts as pending work and returns
// an enqueue function; the goroutine calls it exactly once with the job to run
// back on the loop's goroutine (or nil to give up). Run returns when nothing
// is queued, pending, timed or immediate.
//
// Timers and immediates live on the loop's goroutine (they are only touched
// by jobs and by the code that calls Run), so their order never depends on
// goroutine scheduling. goja_nodejs's eventloop only waits for timers and can
// lose work handed back from goroutines, which is why this loop exists.
//
// A job that panics ends Run with a *PanicError holding the value and the
// stack; the caller decides whether to re-panic.
package eventloop
