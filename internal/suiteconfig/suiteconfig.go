// Package suiteconfig turns what `bridge test` is given (a script, a cases
// directory, a selection, a key file) into suite.Options. Config's errors
// name the input that is wrong by a Field; Flags, the command's flags, says
// them with the flag's name, as mockcfg does for `bridge mock`.
package suiteconfig

import (
	"crypto/rsa"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/cases"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
	"github.com/jira-auth0-bridge/bridge/internal/script"
	"github.com/jira-auth0-bridge/bridge/internal/scriptsrc"
	"github.com/jira-auth0-bridge/bridge/internal/suite"
)

// Field names an input of the suite.
type Field string

// The inputs Options can find wrong.
const (
	FieldScript     Field = "script"
	FieldPrivateKey Field = "private_key"
)

// Error is an input that is wrong.
type Error struct {
	Field Field
	Err   error
}

func (e *Error) Error() string { return "suiteconfig: " + string(e.Field) + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// NoMatchError is a selection (Run, Flavor) that keeps none of Total cases.
type NoMatchError struct {
	Run, Flavor, Protocol string
	Total                 int
}

func (e *NoMatchError) Error() string {
	return fmt.Sprintf("suiteconfig: no case matches run %q and flavor %q (%d case(s) in all)", e.Run, e.Flavor, e.Total)
}

// ProtocolError is a script of one protocol with cases of both: the
// selection must name the protocol (Config.Protocol).
type ProtocolError struct{ Protocols []string }

func (e *ProtocolError) Error() string {
	return fmt.Sprintf("suiteconfig: a script is one protocol's, and the cases are of %s: choose the protocol of the script", strings.Join(e.Protocols, " and "))
}

// ShippedScriptsName names the shipped scripts in messages when cases of
// OAuth 2.0 run them too.
const ShippedScriptsName = "the shipped scripts (scripts/fetchUserProfile.js, scripts/oauth2/server.js, scripts/oauth2/cloud.js)"

// Config is what the suite is given.
type Config struct {
	Script   scriptsrc.Source
	CasesDir string // "" is the built-in suite
	Run      string // a regexp of case names; "" is all
	Flavor   string // server, cloud or "" for both
	Protocol string // oauth1, oauth2 or "" for both (the shipped scripts only)
	// Shipped: no script was named, so each case runs the shipped script
	// of its protocol and flavour (Script is then scriptsrc.Shipped()).
	Shipped     bool
	PrivateKey  string // a PEM file; "" is the public test key
	ConsumerKey string
	Timeout     time.Duration
	MaxMemory   int64
	Parallel    int
	Strict      bool
	Runtime     string    // script.Options.Runtime; "" = node22
	MockLog     io.Writer // nil: no mock log
}

// NeedsCases reports whether c runs a script of the user's own on the
// built-in suite, whose expected profiles belong to the shipped script. An
// unchanged copy of a shipped script (bridge init writes one) may use them.
func (c Config) NeedsCases() bool {
	return c.CasesDir == "" && !c.Shipped && !scriptsrc.IsShipped(c.Script.Text)
}

// Options loads the cases and the key and compiles the script. A script that
// does not compile is no error: every case reports the syntax outcome, and a
// case may expect exactly that. A bad case file is the cases package's error.
func (c Config) Options() (suite.Options, error) {
	opts := suite.Options{Timeout: c.Timeout, Parallel: c.Parallel, Strict: c.Strict, ConsumerKey: c.ConsumerKey,
		MaxMemory: c.MaxMemory, MockLog: c.MockLog, Runtime: c.Runtime, ScriptName: c.Script.Name, ScriptSource: c.Script.Text}
	prog, err := script.Compile(c.Script.Name, c.Script.Text)
	var serr *script.SyntaxError
	switch {
	case errors.As(err, &serr):
		opts.SyntaxError = serr
	case err != nil:
		return opts, &Error{Field: FieldScript, Err: fmt.Errorf("%s: %w", c.Script.Name, err)}
	}
	opts.Program = prog
	// An unchanged copy of a shipped script (bridge init) says its protocol
	// and flavour itself.
	if p, f, ok := scriptsrc.ShippedKind(c.Script.Text); ok && !c.Shipped && c.Protocol == "" {
		c.Protocol = p
		if c.Flavor == "" {
			c.Flavor = f
		}
	}
	if opts.Cases, err = c.cases(); err != nil {
		return opts, err
	}
	if c.Shipped {
		if opts.Programs, err = suite.ShippedPrograms(); err != nil {
			return opts, err
		}
		if ps := cases.Protocols(opts.Cases); len(ps) > 1 || ps[0] != script.ProtocolOAuth1 {
			opts.ScriptName = ShippedScriptsName
		}
	} else if ps := cases.Protocols(opts.Cases); len(ps) > 1 {
		return opts, &ProtocolError{Protocols: ps}
	}
	if c.PrivateKey != "" {
		var pemBytes []byte
		var key *rsa.PrivateKey
		if key, pemBytes, err = keys.LoadPrivateKey(c.PrivateKey); err != nil {
			return opts, &Error{Field: FieldPrivateKey, Err: err}
		}
		opts.PrivateKey, opts.PrivateKeyPEM = key, string(pemBytes)
	}
	return opts, nil
}

// cases loads CasesDir, or the built-in suite, and keeps those Run and
// Flavor select.
func (c Config) cases() ([]*cases.Case, error) {
	var cs []*cases.Case
	var err error
	if c.CasesDir == "" {
		cs, err = cases.Default()
	} else {
		cs, err = cases.LoadDir(c.CasesDir)
	}
	if err != nil {
		return nil, err
	}
	var run *regexp.Regexp
	if c.Run != "" {
		if run, err = regexp.Compile(c.Run); err != nil {
			return nil, err
		}
	}
	if sel := cases.FilterProtocol(cases.Filter(cs, run, jiramock.Flavor(c.Flavor)), c.Protocol); len(sel) > 0 {
		return sel, nil
	}
	return nil, &NoMatchError{Run: c.Run, Flavor: c.Flavor, Protocol: c.Protocol, Total: len(cs)}
}

// CasesName is how messages call the cases of dir: the directory, or "the
// built-in suite" for "".
func CasesName(dir string) string {
	if dir == "" {
		return "the built-in suite"
	}
	return dir
}
