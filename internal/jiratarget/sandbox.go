package jiratarget

import (
	"context"
	"fmt"

	"github.com/jira-auth0-bridge/bridge/internal/sandbox"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// worker is the one sandbox worker process (internal/sandbox) a target runs
// its script in, so that the time limit, the memory ceiling and Ctrl-C hold
// even inside a native call, as they do in bridge test.
type worker struct{ pool *sandbox.Pool }

// start starts the worker process now, so that its start-up overlaps what
// the caller does next (the mock's OAuth dance). It is safe to call twice.
func (w *worker) start() error {
	if w.pool != nil {
		return nil
	}
	pool, err := sandbox.NewPool(sandbox.Config{Workers: 1})
	if err != nil {
		return fmt.Errorf("starting the sandbox worker: %w", err)
	}
	w.pool = pool
	return nil
}

// run runs prog once in the worker, starting it if needed. A worker that
// cannot start ends the run as a crash that says why.
func (w *worker) run(ctx context.Context, prog *script.Program, opts script.Options) *script.Result {
	if err := w.start(); err != nil {
		return &script.Result{Outcome: script.KindCrash, Error: &script.Error{Kind: script.KindCrash, Message: err.Error()},
			Console: []script.ConsoleLine{}, Requests: []script.Request{}}
	}
	return w.pool.Run(ctx, prog, opts)
}

// close kills the worker, if one was started.
func (w *worker) close() {
	if w.pool != nil {
		w.pool.Close()
		w.pool = nil
	}
}
