package suite

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	bridge "github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/cases"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/profile"
	"github.com/jira-auth0-bridge/bridge/internal/report"
	"github.com/jira-auth0-bridge/bridge/internal/script"
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
	cons, keyPEM, err := consumer(opts)
	if err != nil {
		return nil, err
	}
	mock, err := jiramock.New(jiramock.Config{Consumers: []jiramock.Consumer{cons}, Log: opts.MockLog})
	if err != nil {
		return nil, fmt.Errorf("suite: starting the mock JIRA: %w", err)
	}
	defer mock.Close()

	// Render JIRA_URL and compile once per suite (issue 7). The placeholder
	// sits inside a string literal, so line numbers do not move.
	prog, err := script.Compile(opts.Program.Filename(), bridge.RenderScript(opts.Program.Source(), mock.URL()))
	if err != nil {
		return nil, fmt.Errorf("suite: compiling the script with the mock's URL filled in: %w", err)
	}

	parallel := opts.Parallel
	if parallel <= 0 {
		parallel = runtime.NumCPU()
	}
	parallel = max(1, min(parallel, len(opts.Cases)))

	sctx := script.ContextFor(mock.URL(), cons.Key, keyPEM)
	rep := &report.Report{
		Script:         opts.Program.Filename(),
		ScriptFindings: profile.CheckScriptSize(opts.Program.Source()),
		Strict:         opts.Strict,
		Cases:          make([]*report.Case, len(opts.Cases)),
		MockURL:        mock.URL(),
	}

	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		done int
		jobs = make(chan int)
	)
	for w := 0; w < parallel; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				c := opts.Cases[i]
				rc := runCase(ctx, mock, prog, c, cons.Key, sctx, opts)
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

// runCase mints the case's token and runs the script once.
func runCase(ctx context.Context, mock *jiramock.Mock, prog *script.Program, c *cases.Case, consumerKey string,
	sctx script.Context, opts Options) *report.Case {
	rc := &report.Case{Name: c.Name, File: c.File, Description: c.Description, Flavor: c.Flavor, Expect: c.Expect}
	token, secret, err := mock.MintAccessToken(jiramock.Grant{ConsumerKey: consumerKey, UserObject: c.User, Flavor: c.Flavor, Faults: c.Faults})
	if err != nil {
		rc.Status = report.Fail
		rc.Failures = []string{"the mock refused the case: " + err.Error()}
		rc.Findings = []profile.Finding{}
		rc.Mock = []jiramock.LogEntry{}
		return rc
	}
	timeout := opts.Timeout
	if c.Timeout > 0 {
		timeout = c.Timeout
	}
	res := prog.Run(ctx, script.Options{
		Token: token, TokenSecret: secret, Ctx: sctx,
		Timeout: timeout, MaxMemory: opts.MaxMemory,
		// nil: the runtime's one shared keep-alive client, so connections to
		// the mock are reused across cases and suite runs (issue 7).
		HTTPClient: nil,
	})
	rc.Result = res
	rc.Duration = res.Duration
	rc.Mock = mockLog(mock, token, len(res.Requests))
	evaluate(rc, opts.Strict)
	if rc.Findings == nil {
		rc.Findings = []profile.Finding{}
	}
	return rc
}

// logWait bounds how long a case waits for the mock to log its requests.
const logWait = time.Second

// mockLog returns the mock's log of the case's token. The mock logs a request
// when its handler returns, which can be just after the script has its answer
// (or, for a request the script gave up on, when the handler notices), so it
// waits until there is an entry for each of the script's n requests.
func mockLog(mock *jiramock.Mock, token string, n int) []jiramock.LogEntry {
	deadline := time.Now().Add(logWait)
	for pause := 50 * time.Microsecond; ; pause = min(2*pause, 10*time.Millisecond) {
		log := mock.RequestsFor(token)
		if len(log) >= n || time.Now().After(deadline) {
			if log == nil {
				log = []jiramock.LogEntry{}
			}
			return log
		}
		time.Sleep(pause)
	}
}

// syntaxReport is the report of a script that does not compile: every case
// ends with the syntax outcome.
func syntaxReport(opts Options, start time.Time) *Report {
	rep := &report.Report{
		Script:         opts.ScriptName,
		ScriptFindings: profile.CheckScriptSize(opts.ScriptSource),
		Strict:         opts.Strict,
	}
	for _, c := range opts.Cases {
		rc := &report.Case{Name: c.Name, File: c.File, Description: c.Description, Flavor: c.Flavor, Expect: c.Expect,
			Findings: []profile.Finding{}, Mock: []jiramock.LogEntry{}}
		rc.Result = &script.Result{
			Outcome:  script.KindSyntax,
			Error:    &script.Error{Kind: script.KindSyntax, Message: opts.SyntaxError.Error()},
			Console:  []script.ConsoleLine{},
			Requests: []script.Request{},
		}
		evaluate(rc, opts.Strict)
		rep.Cases = append(rep.Cases, rc)
	}
	rep.Tally(time.Since(start))
	return rep
}
