package suiteconfig

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/scriptsrc"
	"github.com/jira-auth0-bridge/bridge/internal/suite"
)

// Flags are the values of `bridge test`'s flags that choose and configure
// the suite. This package is that command's inputs, as mockcfg is `bridge
// mock`'s: the errors of Check and Options say the flag at fault, and the
// CLI exits 2 with them (README "Exit codes").
type Flags struct {
	Script      string // --script: the script's file; "" = the shipped script
	CasesDir    string // --cases
	Run         string // --run
	Flavor      string // --flavor
	Protocol    string // --protocol
	PrivateKey  string // --private-key
	ConsumerKey string // --consumer-key
	Runtime     string // --runtime
	Timeout     time.Duration
	MaxMemory   int64 // --max-memory, in bytes
	Parallel    int
	Strict      bool
}

// ErrNeedsCases is Options's error for a script of the user's own on the
// built-in suite (Config.NeedsCases).
var ErrNeedsCases = errors.New("suiteconfig: the script needs cases of its own")

// Check refuses, before anything is loaded, a consumer key of white space
// alone, an unknown flavour or protocol, and a --run that is no regexp.
func (f Flags) Check() error {
	if strings.TrimSpace(f.ConsumerKey) == "" {
		return fmt.Errorf("--consumer-key is empty; give the consumer key the script signs as, or leave the flag out for %s", bridge.DefaultConsumerKey)
	}
	if f.Flavor != "" {
		if _, err := jiramock.ParseFlavor(f.Flavor); err != nil {
			return fmt.Errorf("--flavor %q: use server or cloud", f.Flavor)
		}
	}
	if f.Protocol != "" && f.Protocol != "oauth1" && f.Protocol != "oauth2" {
		return fmt.Errorf("--protocol %q: use oauth1 or oauth2", f.Protocol)
	}
	if _, err := regexp.Compile(f.Run); err != nil {
		return fmt.Errorf("--run: %w", err)
	}
	return nil
}

// Config is the Config of the flags, with src, the script they name loaded,
// and the mock's log going to mockLog (nil: none).
func (f Flags) Config(src scriptsrc.Source, mockLog io.Writer) Config {
	return Config{Script: src, CasesDir: f.CasesDir, Run: f.Run, Flavor: f.Flavor, PrivateKey: f.PrivateKey,
		ConsumerKey: f.ConsumerKey, Protocol: f.Protocol, Shipped: f.Script == "", Timeout: f.Timeout,
		MaxMemory: f.MaxMemory, Parallel: f.Parallel, Strict: f.Strict, Runtime: f.Runtime, MockLog: mockLog}
}

// Options is Config(src, mockLog).Options, refusing first a script that
// needs cases of its own (ErrNeedsCases). Its errors say the flag at fault
// and what to do, and still match Config.Options's with errors.As; a bad
// case file is the cases package's error, as it is.
func (f Flags) Options(src scriptsrc.Source, mockLog io.Writer) (suite.Options, error) {
	c := f.Config(src, mockLog)
	if c.NeedsCases() {
		return suite.Options{}, ErrNeedsCases
	}
	opts, err := c.Options()
	var fe *Error
	var nm *NoMatchError
	var pe *ProtocolError
	switch {
	case errors.As(err, &pe):
		return opts, said(pe, "--script %s is one protocol's script and %s holds %s cases: add --protocol oauth1 or --protocol oauth2",
			src.Name, CasesName(f.CasesDir), strings.Join(pe.Protocols, " and "))
	case errors.As(err, &fe) && fe.Field == FieldScript:
		return opts, said(fe, "--script %v", fe.Err)
	case errors.As(err, &fe):
		return opts, said(fe, "--private-key: %v", fe.Err)
	case errors.As(err, &nm):
		return opts, said(nm, "no case of %s matches %s (%d case(s) in all); loosen the selection", CasesName(f.CasesDir), f.selection(), nm.Total)
	}
	return opts, err
}

// selection says which flags select the cases: --run, --flavor, --protocol.
func (f Flags) selection() string {
	var what []string
	if f.Run != "" {
		what = append(what, fmt.Sprintf("--run %q", f.Run))
	}
	if f.Flavor != "" {
		what = append(what, fmt.Sprintf("--flavor %s", f.Flavor))
	}
	if f.Protocol != "" {
		what = append(what, fmt.Sprintf("--protocol %s", f.Protocol))
	}
	return strings.Join(what, " ")
}

// saidError is an error said in the command line's words: it reads as msg
// and still matches err with errors.Is and As.
type saidError struct {
	msg string
	err error
}

func (e *saidError) Error() string { return e.msg }
func (e *saidError) Unwrap() error { return e.err }

// said is err, reading as format and args.
func said(err error, format string, args ...any) error {
	return &saidError{msg: fmt.Sprintf(format, args...), err: err}
}
