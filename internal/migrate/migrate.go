// Package migrate is the migration check of `bridge test --compare-with`:
// it runs an OAuth 1.0a fetchUserProfile script and an OAuth 2.0 one over the
// same JIRA users on one mock, and reports, per user, every difference in
// user_id, email and email_verified, the fields that decide whether Auth0
// sees the same person after the move (docs/migration.md).
package migrate

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/jira"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/jiratarget"
	"github.com/jira-auth0-bridge/bridge/internal/script"
	"github.com/jira-auth0-bridge/bridge/internal/suite"
)

// Fields are the profile fields compared, in the report's order.
var Fields = []string{"user_id", "email", "email_verified"}

// Options say what to compare.
type Options struct {
	Old *script.Program // the OAuth 1.0a script, fn(token, tokenSecret, ctx, cb); JIRA_URL not yet rendered
	// New is the OAuth 2.0 script of each flavour, fn(accessToken, ctx, cb);
	// a flavour without one is not compared.
	New     map[jiramock.Flavor]*script.Program
	Timeout time.Duration // per run; 0 = the runtime's
}

// Report is the comparison, one User per JIRA user of each flavour compared.
type Report struct {
	Users   []User `json:"users"`
	Changed int    `json:"changed"` // users with at least one difference
}

// User is one JIRA user seen through both scripts. A Diff is a field whose
// value differs, including one present on one side only; Error says why a
// side gave no profile.
type User struct {
	Flavor   jiramock.Flavor `json:"flavor"`
	ID       string          `json:"id"` // the mock's user id: name on Data Center, accountId on Cloud
	Old      map[string]any  `json:"oauth1"`
	New      map[string]any  `json:"oauth2"`
	OldError string          `json:"oauth1_error,omitempty"`
	NewError string          `json:"oauth2_error,omitempty"`
	Diffs    []Diff          `json:"diffs"`
}

// Diff is one field that changes; a value absent on a side is nil.
type Diff struct {
	Field string `json:"field"`
	Old   any    `json:"oauth1"`
	New   any    `json:"oauth2"`
}

// Run compares the scripts over the default users of each flavour in
// o.New, on one mock: the OAuth 1.0a script with an access token of the
// shipped test consumer, the OAuth 2.0 script with an access token of the
// mock's client, each run as the suite runs a case (suite.Run, no faults).
func Run(ctx context.Context, o Options) (*Report, error) {
	mock, err := jiramock.New(jiramock.Config{})
	if err != nil {
		return nil, fmt.Errorf("migrate: starting the mock JIRA: %w", err)
	}
	defer mock.Close()
	oldProg, err := render(o.Old, mock.URL())
	if err != nil {
		return nil, err
	}
	rep := &Report{Users: []User{}}
	for _, f := range []jiramock.Flavor{jiramock.Server, jiramock.Cloud} {
		newProg, ok := o.New[f]
		if !ok {
			continue
		}
		if newProg, err = render(newProg, mock.URL()); err != nil {
			return nil, err
		}
		for _, u := range jiramock.DefaultUsers(f) {
			usr, err := compare(ctx, mock, oldProg, newProg, f, u, o.Timeout)
			if err != nil {
				return nil, err
			}
			if len(usr.Diffs) > 0 {
				rep.Changed++
			}
			rep.Users = append(rep.Users, usr)
		}
	}
	return rep, nil
}

func render(p *script.Program, base string) (*script.Program, error) {
	r, err := script.Compile(p.Filename(), jira.RenderScript(p.Source(), base))
	if err != nil {
		return nil, fmt.Errorf("migrate: %s: %w", p.Filename(), err)
	}
	return r, nil
}

// compare runs both scripts as user u of flavour f.
func compare(ctx context.Context, mock *jiramock.Mock, oldProg, newProg *script.Program, f jiramock.Flavor, u jiramock.User, timeout time.Duration) (User, error) {
	usr := User{Flavor: f, ID: u.ID(), Diffs: []Diff{}}
	token, secret, err := mock.MintAccessToken(jiramock.Grant{ConsumerKey: bridge.DefaultConsumerKey, User: u.ID(), Flavor: f})
	if err != nil {
		return usr, fmt.Errorf("migrate: %w", err)
	}
	res := oldProg.Run(ctx, script.Options{Token: token, TokenSecret: secret, Timeout: timeout,
		Ctx: script.ContextFor(mock.URL(), bridge.DefaultConsumerKey, string(bridge.TestPrivateKeyPEM))})
	usr.Old, usr.OldError = profileOf(res)
	tok, err := mock.MintOAuth2Token(jiramock.OAuth2Grant{User: u.ID(), Flavor: f})
	if err != nil {
		return usr, fmt.Errorf("migrate: %w", err)
	}
	o := script.Options{Protocol: script.ProtocolOAuth2, Token: tok.AccessToken, Timeout: timeout,
		Ctx: script.Context{TokenResponse: suite.TokenResponse(tok, jiramock.DefaultOAuth2Scopes(f))}}
	o.AllowedHosts, o.HostMap = jiratarget.Hosts(f, mock.URL(), true)
	usr.New, usr.NewError = profileOf(newProg.Run(ctx, o))
	for _, field := range Fields {
		a, b := usr.Old[field], usr.New[field]
		if !sameJSON(a, b) {
			usr.Diffs = append(usr.Diffs, Diff{Field: field, Old: a, New: b})
		}
	}
	return usr, nil
}

// profileOf is the compared fields of a run's profile, or why there is none.
func profileOf(res *script.Result) (map[string]any, string) {
	if res.Outcome != script.KindProfile {
		msg := string(res.Outcome)
		if res.Error != nil {
			msg += ": " + res.Error.Message
		}
		return map[string]any{}, msg
	}
	var p map[string]any
	if err := json.Unmarshal(res.Profile, &p); err != nil {
		return map[string]any{}, "the profile is not a JSON object"
	}
	out := map[string]any{}
	for _, f := range Fields {
		if v, ok := p[f]; ok {
			out[f] = v
		}
	}
	return out, ""
}

func sameJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}
