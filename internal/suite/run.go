package suite

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/report"
)

// Run runs every case of opts against one shared mock JIRA and returns the
// report, cases in their given order. The error is for a run that could not
// start (no program, a bad key, the mock could not listen); failing cases are
// in the report, not the error.
func Run(ctx context.Context, opts Options) (*Report, error) {
	start := time.Now()
	if opts.Program == nil {
		if opts.SyntaxError == nil {
			return nil, errors.New("suite: no script to run")
		}
		return syntaxReport(opts, start), nil
	}
	parallel := opts.Parallel
	if parallel <= 0 {
		parallel = runtime.NumCPU()
	}
	parallel = max(1, min(parallel, len(opts.Cases)))
	r, err := newRunner(opts, parallel)
	if err != nil {
		return nil, err
	}
	defer r.close()

	rep := r.newReport()
	rep.Cases = make([]*report.Case, len(opts.Cases))
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		done int
		jobs = make(chan int)
	)
	// A goroutine per sandbox worker process; each run gets a fresh runtime
	// in its worker (docs/fidelity.md "goja"). Results land at their case's
	// index: the report keeps case order.
	for w := 0; w < parallel; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				rc := r.runCase(ctx, opts.Cases[i])
				rep.Cases[i] = rc
				if opts.OnCase != nil {
					mu.Lock()
					done++
					opts.OnCase(done, len(opts.Cases), rc)
					mu.Unlock()
				}
			}
		}()
	}
feed:
	for i := range opts.Cases {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("suite: run stopped: %w", err)
	}
	rep.Tally(time.Since(start))
	return rep, nil
}
