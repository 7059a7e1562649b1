package suite

import (
	"crypto/rsa"
	"io"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/cases"
	"github.com/jira-auth0-bridge/bridge/internal/report"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// Options configure one suite run.
type Options struct {
	// Program is the script as the user wrote it, JIRA_URL not yet filled in;
	// Run renders it with the mock's base URL once and compiles that once.
	Program *script.Program
	Cases   []*cases.Case
	// Programs, when set, give the cases of a protocol (and flavour) their
	// own script instead of Program (ShippedPrograms); rendered like Program.
	Programs map[ScriptKey]*script.Program

	// SyntaxError, when the script does not compile, replaces Program: every
	// case then ends with the syntax outcome (a case may expect just that).
	// ScriptName and ScriptSource name the script in the report.
	SyntaxError              *script.SyntaxError
	ScriptName, ScriptSource string

	// The consumer the mock trusts and the script signs as. Zero: the shipped
	// test consumer (bridge.DefaultConsumerKey, testdata/keys/test.key).
	// PrivateKeyPEM is what the script gets as ctx.client_secret; when only
	// PrivateKey is set, it is encoded as PKCS#8.
	ConsumerKey   string
	PrivateKey    *rsa.PrivateKey
	PrivateKeyPEM string

	Timeout   time.Duration // the script's time limit per case, unless the case sets one; 0 = the runtime's 20 s
	MaxMemory int64         // bytes per run; 0 = the runtime's default
	Parallel  int           // sandbox worker processes; <= 0 = runtime.NumCPU()
	Strict    bool          // warnings of the profile checks fail a case

	// OnCase, when set, is called as each case finishes (in finishing order,
	// one call at a time): progress for stderr.
	OnCase func(done, total int, c *report.Case)
	// MockLog, when set, gets the mock's log, one line per request.
	MockLog io.Writer
	// WorkerCommand runs a sandbox worker (sandbox.Config.Command); nil: this
	// executable's hidden worker subcommand.
	WorkerCommand []string
}

// Report is the result of a run; see report.Report.
type Report = report.Report
