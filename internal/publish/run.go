package publish

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/auth0"
	"github.com/jira-auth0-bridge/bridge/internal/redact"
)

// newConnectionID stands for the id of a connection a dry run would create.
const newConnectionID = "NEW_CONNECTION_ID"

// body is Plan.Body decoded.
type body struct {
	Name     string
	Strategy string
	Options  map[string]any
}

func parseBody(raw json.RawMessage) (body, error) {
	m, err := decodeObject(raw)
	if err != nil {
		return body{}, fmt.Errorf("publish: the connection body is not a JSON object: %v", err)
	}
	var b body
	b.Name, _ = m["name"].(string)
	b.Strategy, _ = m["strategy"].(string)
	b.Options, _ = m["options"].(map[string]any)
	if b.Name == "" || b.Strategy == "" || b.Options == nil {
		return body{}, fmt.Errorf("publish: the connection body needs name, strategy and options")
	}
	return b, nil
}

// run carries one Run's state.
type run struct {
	Plan
	body    body
	res     *Result
	log     io.Writer
	redact  *redact.Redactor
	changes []string
}

// Run publishes p; see the package doc for the order of work. The returned
// error is an *Error (except for a bad Plan); the Result, when not nil, says
// what was done.
func Run(ctx context.Context, p Plan) (*Result, error) {
	b, err := parseBody(p.Body)
	if err != nil {
		return nil, err
	}
	switch {
	case p.Name != "" && p.Name != b.Name:
		return nil, fmt.Errorf("publish: %w: it is for %q but the body names %q", ErrPlan, p.Name, b.Name)
	case p.Verify == nil:
		return nil, fmt.Errorf("publish: %w: no verification: bridge never publishes a script that has not just passed its tests", ErrPlan)
	case p.Client == nil:
		return nil, fmt.Errorf("publish: %w: no Management API client", ErrPlan)
	}
	r := &run{Plan: p, body: b, res: &Result{Name: b.Name, DryRun: p.DryRun, Changes: []string{}}}
	r.redact = p.Redactor
	if r.redact == nil {
		secret, _ := b.Options["client_secret"].(string)
		r.redact = redact.New(secret)
	}
	r.log = io.Discard
	if p.Log != nil {
		r.log = r.redact.Writer(p.Log)
	}
	if r.Now == nil {
		r.Now = time.Now
	}
	if err := r.do(ctx); err != nil {
		return r.res, err
	}
	return r.res, nil
}

func (r *run) logf(format string, args ...any) {
	fmt.Fprintf(r.log, format+"\n", args...)
}

func (r *run) fail(step string, err error) error {
	return &Error{Step: step, Changes: slices.Clone(r.changes), Err: err}
}

// failWrite is fail for a write (what, e.g. "POST /api/v2/connections"):
// when Auth0 refused it (an answer below 500, 429 included) nothing changed;
// after a 5xx or no answer at all the write may have taken effect.
func (r *run) failWrite(step, what string, err error) error {
	e := &Error{Step: step, Changes: slices.Clone(r.changes), Err: err}
	var ae *auth0.APIError
	if !errors.As(err, &ae) || ae.StatusCode >= 500 {
		e.MaybeChanged = what
	}
	return e
}

func (r *run) changed(format string, args ...any) {
	c := fmt.Sprintf(format, args...)
	r.changes = append(r.changes, c)
	r.res.Changes = append(r.res.Changes, c)
}

func (r *run) do(ctx context.Context) error {
	// 1. Verify: nothing is sent before it passes.
	if err := r.Verify(ctx); err != nil {
		return &Error{Step: "verify", Err: fmt.Errorf("%w, nothing was sent to Auth0: %w", ErrVerify, err)}
	}
	r.logf("verification passed")

	// 2. Find, by name alone (docs/auth0.md "Management API" "Find").
	existing, err := r.find(ctx)
	if err != nil {
		return err
	}

	// 3. Create or update.
	if existing == nil {
		if r.DryRun {
			return r.dryCreate(ctx)
		}
		created, err := r.Client.CreateConnection(ctx, r.Body)
		switch {
		case auth0.IsStatus(err, 409):
			// Someone created it since we looked, or a retried create whose
			// first answer was lost did: update what is there now.
			r.logf("connection %s appeared while publishing (409 connection_conflict); updating it instead", r.body.Name)
			if existing, err = r.find(ctx); err != nil {
				return err
			}
			if existing == nil {
				return r.fail("create", fmt.Errorf("Auth0 says connection %s exists (409 connection_conflict) but no connection has exactly that name: if one is named alike but for letter case, or was deleted a moment ago, pick another --name or run again", r.body.Name))
			}
		case err != nil:
			return r.failWrite("create", "POST /api/v2/connections", err)
		default:
			r.res.Action, r.res.ConnectionID = Created, created.ID
			r.changed("created connection %s (%s)", r.body.Name, created.ID)
			r.logf("created connection %s (%s)", r.body.Name, created.ID)
		}
	}
	if existing != nil {
		if err := r.update(ctx, existing); err != nil {
			return err
		}
	}

	// 4. Enabled clients.
	if err := r.enableClients(ctx, r.res.ConnectionID); err != nil {
		return err
	}
	if r.DryRun {
		return nil
	}
	// 5. Read back.
	return r.readBack(ctx)
}

// find looks the connection up by name, not filtered by strategy, so that a
// same-named connection of another strategy is seen (docs/auth0.md "Management API" "Find").
func (r *run) find(ctx context.Context) (*auth0.Connection, error) {
	list, err := r.Client.ListConnectionsByName(ctx, r.body.Name)
	if err != nil {
		return nil, r.fail("find", err)
	}
	switch {
	case len(list) == 0:
		r.logf("no connection named %s on the tenant", r.body.Name)
		return nil, nil
	case len(list) > 1:
		return nil, r.fail("find", fmt.Errorf("%d connections are named %s: Auth0 names are unique, so this tenant answer is unexpected; clean up in the dashboard", len(list), r.body.Name))
	}
	c := list[0]
	if c.Strategy != r.body.Strategy {
		return nil, r.fail("find", strategyMismatch(c, r.body.Strategy))
	}
	r.logf("found connection %s (%s)", c.Name, c.ID)
	return &c, nil
}

// update merges the new options onto c's, and PATCHes them when they differ,
// after saving c to a backup file.
func (r *run) update(ctx context.Context, c *auth0.Connection) error {
	r.res.ConnectionID = c.ID
	if c.Options == nil {
		return r.fail("update", fmt.Errorf("%w of %s (%s): the token lacks the scope %s, and an update without them would erase the connection's other settings: grant %s (and %s)",
			ErrNoOptions, c.Name, c.ID, auth0.ScopeReadConnectionsOptions, auth0.ScopeReadConnectionsOptions, auth0.ScopeUpdateConnectionsOptions))
	}
	old, err := decodeObject(c.Options)
	if err != nil {
		return r.fail("update", fmt.Errorf("the options of %s (%s) on the tenant are not a JSON object: %v", c.Name, c.ID, err))
	}
	for _, k := range []string{"consumerKey", "consumerSecret"} {
		if _, ok := old[k]; ok {
			r.warn(fmt.Sprintf("the tenant's options also hold %s (the Auth0 JIRA guide's spelling); bridge sets client_id/client_secret, which the script reads as ctx.client_id/ctx.client_secret, and leaves %s alone: remove it in the dashboard if it is stale", k, k))
		}
	}
	merged := Merge(old, r.body.Options)
	r.res.OptionsDiff = Diff(old, merged, r.redact)
	r.setScriptDiff(old, merged)
	if len(r.res.OptionsDiff) == 0 {
		r.res.Action = Unchanged
		r.logf("connection %s (%s) already holds these options: nothing to update", c.Name, c.ID)
		return nil
	}
	r.res.Action = Updated
	u := auth0.ConnectionUpdate{Options: encode(merged)}
	if r.DryRun {
		req, err := r.Client.DescribeUpdate(c.ID, auth0.ConnectionUpdate{Options: encode(maskSecrets(merged))})
		if err != nil {
			return r.fail("update", err)
		}
		r.addDryRun(req)
		return nil
	}
	path, err := writeBackup(r.BackupDir, c.Name, c.ID, c.Raw, r.Now())
	if err != nil {
		return r.fail("backup", err)
	}
	r.res.BackupPath = path
	r.logf("saved connection %s as it was to %s (it holds secrets: keep it private, mode 0600)", c.Name, path)
	if _, err := r.Client.UpdateConnection(ctx, c.ID, u); err != nil {
		return r.failWrite("update", "PATCH /api/v2/connections/"+c.ID, err)
	}
	r.changed("updated the options of connection %s (%s): %d field(s); the previous version is in %s", c.Name, c.ID, len(r.res.OptionsDiff), path)
	r.logf("updated connection %s (%s)", c.Name, c.ID)
	return nil
}

// dryCreate records the POST a create would send.
func (r *run) dryCreate(ctx context.Context) error {
	r.res.Action = Created
	r.res.OptionsDiff = Diff(map[string]any{}, r.body.Options, r.redact)
	r.setScriptDiff(map[string]any{}, r.body.Options)
	req, err := r.Client.DescribeCreate(r.maskedBody())
	if err != nil {
		return r.fail("create", err)
	}
	r.addDryRun(req)
	return r.enableClients(ctx, "")
}

// maskedBody is Plan.Body byte for byte with its secrets masked: the exact
// POST body, for a dry run. Should redaction miss a secret field (say, one the
// Redactor does not know), the body is rebuilt with every secret field masked.
func (r *run) maskedBody() []byte {
	masked := []byte(r.redact.String(string(r.Body)))
	if m, err := decodeObject(masked); err == nil && equalJSON(maskSecrets(m), m) {
		return masked
	}
	return encode(map[string]any{"name": r.body.Name, "strategy": r.body.Strategy, "options": maskSecrets(r.body.Options)})
}

func (r *run) warn(w string) {
	w = r.redact.String(w)
	r.res.Warnings = append(r.res.Warnings, w)
	r.logf("warning: %s", w)
}

// enableClients enables the connection for the clients asked for that do not
// have it yet. id "" is a connection a dry run would create.
func (r *run) enableClients(ctx context.Context, id string) error {
	if len(r.EnabledClients) == 0 {
		return nil
	}
	var current []string
	if id != "" {
		var err error
		if current, err = r.Client.GetEnabledClients(ctx, id); err != nil {
			return r.fail("enabled clients", err)
		}
	}
	var items []auth0.EnabledClient
	var added []string
	for _, c := range r.EnabledClients {
		if c = strings.TrimSpace(c); c != "" && !slices.Contains(current, c) && !slices.Contains(added, c) {
			items = append(items, auth0.EnabledClient{ClientID: c, Status: true})
			added = append(added, c)
		}
	}
	r.res.EnabledClientsAdded = added
	if len(items) == 0 {
		r.logf("connection %s is already enabled for %s", r.body.Name, strings.Join(r.EnabledClients, ", "))
		return nil
	}
	if r.DryRun {
		if id == "" {
			id = newConnectionID
		}
		reqs, err := r.Client.DescribeSetEnabledClients(id, items)
		if err != nil {
			return r.fail("enabled clients", err)
		}
		for _, req := range reqs {
			r.addDryRun(req)
		}
		return nil
	}
	if err := r.Client.SetEnabledClients(ctx, id, items); err != nil {
		return r.failWrite("enabled clients", "PATCH /api/v2/connections/"+id+"/clients", err)
	}
	r.changed("enabled connection %s (%s) for client(s) %s", r.body.Name, id, strings.Join(added, ", "))
	r.logf("enabled connection %s for %s", r.body.Name, strings.Join(added, ", "))
	return nil
}

// checkedOptions are the options read back after publishing: what the tests
// verified (docs/auth0.md "Management API" option names; client_secret is not compared, the
// tenant may hide it). Those the body does not carry are skipped: the first
// five are oauth1's, the rest oauth2's (docs/auth0.md "OAuth 2.0 connections").
var checkedOptions = []string{"client_id", "requestTokenURL", "accessTokenURL", "userAuthorizationURL", "signatureMethod",
	"authorizationURL", "tokenURL", "scope", "pkce_enabled", "authParams"}

// readBack reads the connection again and checks it holds the verified script,
// URLs, consumer key and signature method.
func (r *run) readBack(ctx context.Context) error {
	c, err := r.Client.GetConnection(ctx, r.res.ConnectionID)
	if err != nil {
		return r.fail("read back", err)
	}
	if c.Options == nil {
		return r.fail("read back", fmt.Errorf("%w of %s (%s), so the stored script cannot be checked: grant the token %s and run again",
			ErrNoOptions, r.body.Name, c.ID, auth0.ScopeReadConnectionsOptions))
	}
	got, err := decodeObject(c.Options)
	if err != nil {
		return r.fail("read back", fmt.Errorf("%w: its options are not a JSON object: %v", ErrMismatch, err))
	}
	var bad []string
	for _, k := range checkedOptions {
		if want, ok := r.body.Options[k]; ok && !equalJSON(got[k], want) {
			bad = append(bad, fmt.Sprintf("options.%s is %s, verified %s", k, r.redact.String(string(encode(got[k]))), r.redact.String(string(encode(want)))))
		}
	}
	wantScripts, _ := r.body.Options["scripts"].(map[string]any)
	gotScripts, _ := got["scripts"].(map[string]any)
	if want, ok := wantScripts["fetchUserProfile"].(string); ok {
		have, _ := gotScripts["fetchUserProfile"].(string)
		if have != want {
			bad = append(bad, "options.scripts.fetchUserProfile "+lineDiff(want, have)+" from the verified script")
		}
	}
	if c.Strategy != "" && c.Strategy != r.body.Strategy {
		bad = append(bad, fmt.Sprintf("strategy is %q, not %q", c.Strategy, r.body.Strategy))
	}
	if len(bad) > 0 {
		return r.fail("read back", fmt.Errorf("%w: %s (%s): %s. Do not use it: run bridge publish again, and check the connection in the Auth0 dashboard",
			ErrMismatch, r.body.Name, c.ID, strings.Join(bad, "; ")))
	}
	r.logf("read back connection %s (%s): the stored script and URLs are the ones verified", r.body.Name, c.ID)
	return nil
}
