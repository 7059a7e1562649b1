package jiratarget

import (
	"context"
	"errors"
	"fmt"

	"golang.org/x/oauth2"

	"github.com/jira-auth0-bridge/bridge/internal/credentials"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/live"
	"github.com/jira-auth0-bridge/bridge/internal/script"
	"github.com/jira-auth0-bridge/bridge/internal/scriptsrc"
)

// Runner is what one run of the script talks to: a *Target (OAuth 1.0a) or
// an *OAuth2. Close stops the mock, if any, and the sandbox worker.
type Runner interface {
	Run(ctx context.Context, src scriptsrc.Source, opts script.Options) *script.Result
	Close()
}

// Want is what a run asks for: the mock of Flavor with the dance done as
// User ("" is the flavour's first), or, when Real, a real JIRA from Given,
// TokenFile and PrivateKeyFile (Resolve for oauth1, RealOAuth2 for oauth2).
type Want struct {
	Protocol                  string // "oauth2"; anything else is OAuth 1.0a
	Flavor, User              string
	Real                      bool
	Given                     credentials.JIRA
	TokenFile, PrivateKeyFile string
}

// FlavorError is a flavour the mock does not play.
type FlavorError struct{ Flavor string }

func (e *FlavorError) Error() string {
	return fmt.Sprintf("jiratarget: flavor %q: use server or cloud", e.Flavor)
}

// RemoteError is a target that could not be made because the mock or the
// dance with it failed, not because of the user's input.
type RemoteError struct{ Err error }

func (e *RemoteError) Error() string { return e.Err.Error() }
func (e *RemoteError) Unwrap() error { return e.Err }

// Open makes the target w asks for. Its errors are a *FlavorError, an
// *UnknownUserError, a *RealError (oauth1, real), an *InputError (oauth2,
// real) or a *RemoteError; any other error is bridge's own (the sandbox
// worker that does not start).
func Open(ctx context.Context, w Want) (Runner, error) {
	flavor, err := jiramock.ParseFlavor(w.Flavor)
	if err != nil {
		return nil, &FlavorError{Flavor: w.Flavor}
	}
	var ue *UnknownUserError
	switch {
	case w.Protocol == "oauth2" && w.Real:
		return runner(RealOAuth2(flavor, w.Given.JIRAURL, w.Given.Token, w.TokenFile, readOAuth2TokenFile))
	case w.Protocol == "oauth2":
		t, err := MockOAuth2(ctx, flavor, w.User)
		if err != nil && !errors.As(err, &ue) {
			return nil, &RemoteError{Err: err}
		}
		return runner(t, err)
	case w.Real:
		return runner(Resolve(w.Given, w.TokenFile, w.PrivateKeyFile))
	}
	t, err := Mock(ctx, flavor, w.User)
	if errors.Is(err, ErrDance) {
		return nil, &RemoteError{Err: err}
	}
	return runner(t, err)
}

// runner is t as a Runner, or nil (not a nil *T) with err.
func runner[T Runner](t T, err error) (Runner, error) {
	if err != nil {
		return nil, err
	}
	return t, nil
}

// readOAuth2TokenFile reads live.WriteOAuth2TokenFile's file for RealOAuth2.
func readOAuth2TokenFile(path string) (*oauth2.Token, string, string, error) {
	tf, err := live.ReadOAuth2TokenFile(path)
	return tf.Token(), tf.Flavor, tf.JIRAURL, err
}
