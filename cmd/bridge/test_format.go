package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/pflag"

	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/report"
	"github.com/jira-auth0-bridge/bridge/internal/suite"
)

// reportFormats are the values of `bridge test --format`.
var reportFormats = []string{"text", "json", "github"}

// addReportFlags registers --format, --json (its alias) and --update.
func (f *testFlags) addReportFlags(fs *pflag.FlagSet) {
	fs.StringVar(&f.format, "format", "text", "report format on stdout: text, json (one document) or github (workflow-command annotations)")
	fs.BoolVar(&f.json, "json", false, "the same as --format json")
	fs.BoolVar(&f.update, "update", false, "rewrite the expect of the failing cases from their results, print what changed on stderr, then run again")
}

// checkReport resolves --json into --format and refuses unknown formats and
// --update of the built-in suite (exit 2).
func (f *testFlags) checkReport() error {
	if f.json {
		if f.format != "text" && f.format != "json" {
			return exit.Usagef("--json and --format %s disagree; give one of them", f.format)
		}
		f.format = "json"
	}
	if !contains(reportFormats, f.format) {
		return exit.Usagef("--format %q: use text, json or github", f.format)
	}
	if f.update && (f.casesDir == "" || f.watch) {
		return exit.Usagef("--update rewrites case files: give --cases DIR (the built-in suite cannot be rewritten; start your own with `bridge init`), without --watch")
	}
	return nil
}

// writeFormat writes rep on stdout in f.format.
func (f *testFlags) writeFormat(stdout io.Writer, rep *suite.Report, sources map[string]string) error {
	switch f.format {
	case "json":
		return report.WriteJSON(stdout, rep)
	case "github":
		return report.WriteGitHub(stdout, rep, report.GitHubOptions{})
	}
	return report.WriteText(stdout, rep, report.TextOptions{Color: isTerminal(stdout), Verbose: f.verbose, Sources: sources})
}

// updateAndRerun is `bridge test --update`: it rewrites the expectations of
// the cases that failed from their results (suite.UpdateCases), says what
// changed on stderr, and runs the suite again, whose verdict is the exit code.
func updateAndRerun(ctx context.Context, f *testFlags, opts suite.Options, rep *suite.Report, stdout, stderr io.Writer) error {
	changes, err := suite.UpdateCases(opts.Cases, rep)
	for _, c := range changes {
		fmt.Fprintln(stderr, "bridge: updated", c)
	}
	if err != nil {
		return exit.Usagef("--update: %v", err)
	}
	if len(changes) == 0 {
		fmt.Fprintln(stderr, "bridge: --update: every case file already matches")
	} else {
		fmt.Fprintf(stderr, "bridge: --update: %d change(s); running again\n", len(changes))
	}
	f.update = false
	return runTests(ctx, f, stdout, stderr)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
