package main

import (
	"context"
	"io"

	"github.com/spf13/pflag"

	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/report"
	"github.com/jira-auth0-bridge/bridge/internal/suite"
)

// addReportFlags registers --format, --json (its alias) and --update.
func (f *testFlags) addReportFlags(fs *pflag.FlagSet) {
	fs.StringVar(&f.format, "format", "text", "report format on stdout: text, json (one document) or github (workflow-command annotations)")
	fs.BoolVar(&f.json, "json", false, "the same as --format json")
	fs.BoolVar(&f.update, "update", false, "rewrite the expect of the failing cases from their results, print what changed on stderr, then run again")
}

// checkReport checks --format and --update (exit 2).
func (f *testFlags) checkReport() error {
	format, err := report.ParseFormat(f.format, f.json)
	if err != nil {
		return exit.Usagef("%v", err)
	}
	f.format = string(format)
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
