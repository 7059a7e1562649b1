package suite

import (
	"context"
	"fmt"
	"time"

	bridge "github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/cases"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/profile"
	"github.com/jira-auth0-bridge/bridge/internal/report"
	"github.com/jira-auth0-bridge/bridge/internal/sandbox"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// runner is what a suite run sets up once: the mock, the rendered and
// compiled script and the ctx the script sees.
type runner struct {
	opts     Options
	consumer jiramock.Consumer
	mock     *jiramock.Mock
	prog     *script.Program // rendered with the mock's URL
	progs    map[ScriptKey]*script.Program
	sctx     script.Context
	pool     *sandbox.Pool // one worker process per parallel case
}

// newRunner starts the mock and `workers` sandbox worker processes.
func newRunner(opts Options, workers int) (*runner, error) {
	cons, keyPEM, err := consumer(opts)
	if err != nil {
		return nil, err
	}
	// The workers start first: their start-up overlaps the mock's and the
	// compile below.
	pool, err := sandbox.NewPool(sandbox.Config{Workers: workers, Command: opts.WorkerCommand})
	if err != nil {
		return nil, fmt.Errorf("suite: starting the sandbox workers: %w", err)
	}
	mock, err := jiramock.New(jiramock.Config{Consumers: []jiramock.Consumer{cons}, Log: opts.MockLog})
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("suite: starting the mock JIRA: %w", err)
	}
	// Render JIRA_URL and compile once per suite. The placeholder
	// sits inside a string literal, so line numbers do not move.
	prog, err := script.Compile(opts.Program.Filename(), bridge.RenderScript(opts.Program.Source(), mock.URL()))
	if err != nil {
		pool.Close()
		mock.Close()
		return nil, fmt.Errorf("suite: compiling the script with the mock's URL filled in: %w", err)
	}
	progs, err := renderPrograms(opts.Programs, mock.URL())
	if err != nil {
		pool.Close()
		mock.Close()
		return nil, err
	}
	return &runner{opts: opts, consumer: cons, mock: mock, prog: prog, progs: progs, pool: pool,
		sctx: script.ContextFor(mock.URL(), cons.Key, keyPEM)}, nil
}

func (r *runner) close() {
	r.pool.Close()
	r.mock.Close()
}

func (r *runner) newReport() *Report {
	return &report.Report{
		Script:         r.opts.Program.Filename(),
		ScriptFindings: profile.CheckScriptSize(r.opts.Program.Source()),
		Strict:         r.opts.Strict,
		MockURL:        r.mock.URL(),
	}
}

// runCase mints the case's token (its own world on the shared mock: user,
// flavor, faults), runs the script once and judges the result.
func (r *runner) runCase(ctx context.Context, c *cases.Case) *report.Case {
	rc := &report.Case{Name: c.Name, File: c.File, Description: c.Description, Flavor: c.Flavor, Expect: c.Expect}
	sopts, token, err := r.grant(c)
	if err != nil {
		rc.Status = report.Fail
		rc.Failures = []string{"the mock refused the case: " + err.Error()}
		rc.Findings = []profile.Finding{}
		rc.Mock = []jiramock.LogEntry{}
		return rc
	}
	timeout := r.opts.Timeout
	if c.Timeout > 0 {
		timeout = c.Timeout
	}
	// In a sandbox worker process (internal/sandbox): the limits hold even
	// inside a native call, and a hog or a crash is only this case's.
	sopts.Timeout, sopts.MaxMemory = timeout, r.opts.MaxMemory
	res := r.pool.Run(ctx, r.programFor(c), sopts)
	rc.Result = res
	rc.Duration = res.Duration
	rc.Mock = mockLog(r.mock, token, len(res.Requests))
	evaluate(rc, r.opts.Strict)
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
// waits until there is an entry for each of the script's n requests: the
// mock wakes it as entries arrive, so a worker does not sleep past them.
func mockLog(mock *jiramock.Mock, token string, n int) []jiramock.LogEntry {
	log := mock.RequestsForAtLeast(token, n, logWait)
	if log == nil {
		log = []jiramock.LogEntry{}
	}
	return log
}

// syntaxReport is the report of a script that does not compile: every case
// ends with the syntax outcome.
func syntaxReport(opts Options, start time.Time) *Report {
	rep := &report.Report{
		Script:         opts.ScriptName,
		ScriptFindings: profile.CheckScriptSize(opts.ScriptSource),
		Strict:         opts.Strict,
		SyntaxError:    opts.SyntaxError.Quote(),
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
