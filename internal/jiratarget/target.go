// Package jiratarget is what one run of the script (`bridge run`) talks to:
// the in-process mock JIRA with the OAuth dance done as one of its users, or a
// real JIRA with an access token the user already holds. Flags (flags.go)
// registers the flags that pick it and ExitErr names them in Open's errors.
package jiratarget

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/credentials"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
	"github.com/jira-auth0-bridge/bridge/internal/script"
	"github.com/jira-auth0-bridge/bridge/internal/scriptsrc"
)

// ErrDance marks a failed OAuth dance with the mock: the mock, not the
// user's input, failed.
var ErrDance = errors.New("the OAuth dance with the mock JIRA failed")

// UnknownUserError is a user ID the mock does not serve.
type UnknownUserError struct {
	ID     string
	Flavor jiramock.Flavor
	IDs    []string // the users there are
}

func (e *UnknownUserError) Error() string {
	return fmt.Sprintf("%q: the %s mock has no such user; use one of %s", e.ID, e.Flavor, strings.Join(e.IDs, ", "))
}

// CheckUser returns an *UnknownUserError unless id is "" or one of users.
func CheckUser(id string, users []jiramock.User, flavor jiramock.Flavor) error {
	if id == "" {
		return nil
	}
	ids := make([]string, len(users))
	for i, u := range users {
		if ids[i] = u.ID(); ids[i] == id {
			return nil
		}
	}
	return &UnknownUserError{ID: id, Flavor: flavor, IDs: ids}
}

// Target is a JIRA, the consumer that signs for it and an access token.
type Target struct {
	credentials.JIRA
	PrivateKeyPEM string
	mock          *jiramock.Mock // nil for a real JIRA
	worker        worker
}

// Real is a real JIRA.
func Real(j credentials.JIRA, privateKeyPEM string) *Target {
	return &Target{JIRA: j, PrivateKeyPEM: privateKeyPEM}
}

// Mock starts the mock JIRA of flavor and does the dance as user ("" is the
// flavor's first) with the shipped test consumer. Close stops the mock.
func Mock(ctx context.Context, flavor jiramock.Flavor, user string) (*Target, error) {
	if err := CheckUser(user, jiramock.DefaultUsers(flavor), flavor); err != nil {
		return nil, err
	}
	// The worker starts first: its start-up overlaps the mock's and the dance.
	t := &Target{PrivateKeyPEM: string(bridge.TestPrivateKeyPEM)}
	if err := t.worker.start(); err != nil {
		return nil, err
	}
	mock, err := jiramock.New(jiramock.Config{Flavor: flavor})
	if err != nil {
		t.Close()
		return nil, fmt.Errorf("starting the mock JIRA: %w", err)
	}
	t.mock = mock
	key, err := keys.ParsePrivateKey(bridge.TestPrivateKeyPEM, "the shipped test key")
	if err != nil {
		t.Close()
		return nil, err
	}
	token, secret, err := jiramock.Dance(ctx, mock.URL(), bridge.DefaultConsumerKey, key, user)
	if err != nil {
		t.Close()
		return nil, fmt.Errorf("%w: %w", ErrDance, err)
	}
	t.JIRA = credentials.JIRA{JIRAURL: mock.URL(), ConsumerKey: bridge.DefaultConsumerKey, Token: token, TokenSecret: secret}
	return t, nil
}

// Close stops the mock, if any, and the sandbox worker.
func (t *Target) Close() {
	t.worker.close()
	if t.mock != nil {
		t.mock.Close()
	}
}

// Run renders src for the target's JIRA and runs it once with the target's
// token, in a sandbox worker process; opts gives the limits. A syntax error
// is the run's outcome.
func (t *Target) Run(ctx context.Context, src scriptsrc.Source, opts script.Options) *script.Result {
	prog, err := script.Compile(src.Name, src.Render(t.JIRAURL))
	if err != nil {
		return script.CompileFailure(err)
	}
	opts.Token, opts.TokenSecret = t.Token, t.TokenSecret
	opts.Ctx = script.ContextFor(t.JIRAURL, t.ConsumerKey, t.PrivateKeyPEM)
	return t.worker.run(ctx, prog, opts)
}
