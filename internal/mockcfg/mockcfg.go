// Package mockcfg turns what `bridge mock` is given (flavour, users, the
// OAuth 1.0a consumer, the OAuth 2.0 client) into a jiramock.Config, and
// serves that mock (serve.go). Its errors are *FlagError naming the flag at
// fault, or *StartError; the CLI exits 2 with them.
package mockcfg

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/jiratarget"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
)

// Flags are the inputs of `bridge mock`.
type Flags struct {
	Addr, Flavor, Users, ConsumerKey, PublicKey, AutoApprove string
	ContextPath                                              string
	Protocol                                                 string // oauth1 or oauth2: what the mock's banner describes
	// The OAuth 2.0 client (--jira-client-id, --jira-client-secret,
	// --redirect-uri); all empty: jiramock.DefaultOAuth2Client().
	ClientID, ClientSecret, RedirectURI string
}

// FlagError is a flag whose value cannot be used.
type FlagError struct {
	Flag string // e.g. "--users"
	Err  error
}

// Error is the flag and the problem: `--flavor "dc": use …` when the
// problem starts by quoting the value, else `--users: …`.
func (e *FlagError) Error() string {
	msg := Message(e.Err)
	if strings.HasPrefix(msg, `"`) {
		return e.Flag + " " + msg
	}
	return e.Flag + ": " + msg
}
func (e *FlagError) Unwrap() error { return e.Err }

// Message is the error's text without the package prefix of a jiramock
// error, for the CLI.
func Message(err error) string { return strings.TrimPrefix(err.Error(), "jiramock: ") }

func bad(flag string, format string, args ...any) *FlagError {
	return &FlagError{Flag: flag, Err: fmt.Errorf(format, args...)}
}

// Config checks f and builds the mock's configuration; log, when non-nil,
// gets one line per request.
func (f Flags) Config(log io.Writer) (jiramock.Config, error) {
	cfg := jiramock.Config{Addr: f.Addr, ContextPath: f.ContextPath, Log: log}
	fl, err := jiramock.ParseFlavor(f.Flavor)
	if err != nil {
		return cfg, bad("--flavor", "%q: use server or cloud", f.Flavor)
	}
	cfg.Flavor = fl
	if cfg.Consumers, err = f.consumers(); err != nil {
		return cfg, err
	}
	if f.Users != "" {
		if _, err := os.Stat(f.Users); err != nil {
			return cfg, bad("--users", "%v; give a JIRA user JSON file or a directory of them", err)
		}
		if cfg.Users, err = jiramock.LoadUsers(f.Users); err != nil {
			return cfg, &FlagError{Flag: "--users", Err: errors.New(Message(err))}
		}
	}
	users := cfg.Users
	if users == nil {
		users = jiramock.DefaultUsers(fl)
	}
	if err := jiratarget.CheckUser(f.AutoApprove, users, fl); err != nil {
		return cfg, &FlagError{Flag: "--auto-approve", Err: err}
	}
	cfg.AutoApprove = f.AutoApprove
	cfg.OAuth2, err = f.client()
	return cfg, err
}

// consumers is the one OAuth 1.0a consumer of --consumer-key and --public-key.
func (f Flags) consumers() ([]jiramock.Consumer, error) {
	if f.ConsumerKey == "" {
		return nil, bad("--consumer-key", "empty; give the consumer key of the application link")
	}
	c := jiramock.DefaultConsumer()
	c.Key = f.ConsumerKey
	if f.ConsumerKey != bridge.DefaultConsumerKey {
		c.Name = f.ConsumerKey
	}
	if f.PublicKey != "" {
		pemBytes, err := os.ReadFile(f.PublicKey)
		if err != nil {
			return nil, &FlagError{Flag: "--public-key", Err: err}
		}
		if c.PublicKey, err = keys.ParsePublicKey(pemBytes, f.PublicKey); err != nil {
			return nil, &FlagError{Flag: "--public-key", Err: err}
		}
		c.Name = f.ConsumerKey
	}
	return []jiramock.Consumer{c}, nil
}

// client is the OAuth 2.0 client: the test defaults, each overridden by its
// flag.
func (f Flags) client() (jiramock.OAuth2Client, error) {
	c := jiramock.DefaultOAuth2Client()
	for _, v := range []struct {
		flag, value string
		to          *string
	}{{"--jira-client-id", f.ClientID, &c.ID}, {"--jira-client-secret", f.ClientSecret, &c.Secret}, {"--redirect-uri", f.RedirectURI, &c.RedirectURI}} {
		if v.value != "" {
			if strings.TrimSpace(v.value) != v.value {
				return c, bad(v.flag, "%q has spaces around it: give the value alone", v.value)
			}
			*v.to = v.value
		}
	}
	return c, nil
}
