package main

import (
	"context"
	"io"

	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/suite"
)

// checkReport checks --format (report.Flags.Check) and --update (exit 2).
func (f *testFlags) checkReport() error {
	if err := f.out.Check(); err != nil {
		return exit.Usagef("%v", err)
	}
	if f.update && (f.CasesDir == "" || f.watch) {
		return exit.Usagef("--update rewrites case files: give --cases DIR (the built-in suite cannot be rewritten; start your own with `bridge init`), without --watch")
	}
	return nil
}

// updateAndRerun is `bridge test --update`: it rewrites the expectations of
// the cases that failed from their results (suite.Update), says what
// changed on stderr, and runs the suite again, whose verdict is the exit code.
func updateAndRerun(ctx context.Context, f *testFlags, opts suite.Options, rep *suite.Report, stdout, stderr io.Writer) error {
	if err := suite.Update(opts.Cases, rep, stderr); err != nil {
		return exit.Usagef("--update: %v", err)
	}
	f.update = false
	return runTests(ctx, f, stdout, stderr)
}
