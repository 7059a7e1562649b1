package pull

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/jira-auth0-bridge/bridge/internal/auth0"
	"github.com/jira-auth0-bridge/bridge/internal/connection"
	"github.com/jira-auth0-bridge/bridge/internal/jira"
)

// Tenant is the read-only part of the Management API that pull uses;
// *auth0.Client is one.
type Tenant interface {
	ListConnectionsByName(ctx context.Context, name string) ([]auth0.Connection, error)
	GetEnabledClients(ctx context.Context, id string) ([]string, error)
}

// Sentinels, matched with errors.Is.
var (
	ErrNotFound  = errors.New("no such connection")
	ErrNoOptions = errors.New("the tenant did not return the connection's options")
	ErrNoScript  = errors.New("the connection has no fetchUserProfile script")
)

// Settings are a connection's settings without its secrets: what `bridge
// pull` writes beside the script (SettingsFile).
type Settings struct {
	Name                 string   `json:"name"`
	ID                   string   `json:"id"`
	Strategy             string   `json:"strategy"`
	JIRAURL              string   `json:"jira_url"`
	ConsumerKey          string   `json:"consumer_key"`
	RequestTokenURL      string   `json:"request_token_url"`
	AccessTokenURL       string   `json:"access_token_url"`
	UserAuthorizationURL string   `json:"user_authorization_url"`
	SignatureMethod      string   `json:"signature_method"`
	EnabledClients       []string `json:"enabled_clients"`
}

// Result is a pulled connection.
type Result struct {
	Script   string   // fetchUserProfile with JIRA_URL in place of the JIRA base URL
	Settings Settings // no secrets
	Warnings []string // what the user should check (URLs that disagree, a script without the base URL)
}

// The files Write writes.
const (
	ScriptFile   = connection.DefaultScriptFile // fetchUserProfile.js
	SettingsFile = "connection.json"
)

// Pull reads the connection named name (strategy oauth1) and its enabled
// clients. It sends no write.
func Pull(ctx context.Context, t Tenant, name string) (*Result, error) {
	list, err := t.ListConnectionsByName(ctx, name)
	if err != nil {
		return nil, fmt.Errorf("pull: finding connection %s: %w", name, err)
	}
	if len(list) != 1 {
		return nil, fmt.Errorf("pull: %w named %s on the tenant (%d found): check --name, or the Auth0 dashboard", ErrNotFound, name, len(list))
	}
	c := list[0]
	if c.Strategy != connection.Strategy {
		return nil, fmt.Errorf("pull: connection %s (%s) has strategy %q, not %q: it is not a JIRA connection bridge can test", c.Name, c.ID, c.Strategy, connection.Strategy)
	}
	if c.Options == nil {
		return nil, fmt.Errorf("pull: %w of %s (%s): grant the token %s", ErrNoOptions, c.Name, c.ID, auth0.ScopeReadConnectionsOptions)
	}
	var o struct {
		ClientID             string `json:"client_id"`
		ConsumerKey          string `json:"consumerKey"` // the Auth0 JIRA guide's spelling
		RequestTokenURL      string `json:"requestTokenURL"`
		AccessTokenURL       string `json:"accessTokenURL"`
		UserAuthorizationURL string `json:"userAuthorizationURL"`
		SignatureMethod      string `json:"signatureMethod"`
		Scripts              struct {
			FetchUserProfile string `json:"fetchUserProfile"`
		} `json:"scripts"`
	}
	if err := json.Unmarshal(c.Options, &o); err != nil {
		return nil, fmt.Errorf("pull: the options of %s (%s) are not the JSON object expected: %v", c.Name, c.ID, err)
	}
	if o.Scripts.FetchUserProfile == "" {
		return nil, fmt.Errorf("pull: %w: %s (%s) has no options.scripts.fetchUserProfile", ErrNoScript, c.Name, c.ID)
	}
	clients, err := t.GetEnabledClients(ctx, c.ID)
	if err != nil {
		return nil, fmt.Errorf("pull: reading the enabled clients of %s (%s): %w", c.Name, c.ID, err)
	}
	if clients == nil {
		clients = []string{}
	}
	res := &Result{Settings: Settings{
		Name: c.Name, ID: c.ID, Strategy: c.Strategy, ConsumerKey: o.ClientID,
		RequestTokenURL: o.RequestTokenURL, AccessTokenURL: o.AccessTokenURL, UserAuthorizationURL: o.UserAuthorizationURL,
		SignatureMethod: o.SignatureMethod, EnabledClients: clients,
	}}
	if res.Settings.ConsumerKey == "" {
		res.Settings.ConsumerKey = o.ConsumerKey
	}
	base, ok := strings.CutSuffix(o.RequestTokenURL, jira.RequestTokenPath)
	if !ok || base == "" {
		res.Warnings = append(res.Warnings, fmt.Sprintf("requestTokenURL %q does not end in %s: the JIRA base URL is unknown, so the script is written as deployed", o.RequestTokenURL, jira.RequestTokenPath))
		res.Script = o.Scripts.FetchUserProfile
		return res, nil
	}
	res.Settings.JIRAURL = base
	if at, az, _ := connectionURLs(base); o.AccessTokenURL != at || o.UserAuthorizationURL != az {
		res.Warnings = append(res.Warnings, fmt.Sprintf("the OAuth URLs do not share the base %s (accessTokenURL %q, userAuthorizationURL %q): bridge connection and publish would set all three from one --jira-url", base, o.AccessTokenURL, o.UserAuthorizationURL))
	}
	var n int
	res.Script, n = Unrender(o.Scripts.FetchUserProfile, base)
	if n == 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("the script does not contain the JIRA base URL %s: it may call JIRA at a literal host, which bridge test cannot map to its mock; write JIRA_URL where the script names JIRA", base))
	}
	return res, nil
}

func connectionURLs(base string) (access, authorize, request string) {
	e := jira.OAuth1(base)
	return e.AccessToken, e.Authorize, e.RequestToken
}

// Unrender is jira.RenderScript backwards: it puts JIRA_URL back wherever
// the script holds the JIRA base URL as a whole URL prefix (followed by the
// end, '/', a quote, '?', '#', a space or a backtick, not by more host or
// port: https://jira.example.com does not match in
// https://jira.example.com.evil or https://jira.example.com:8443). It
// returns the script and the number of replacements.
func Unrender(script, base string) (string, int) {
	base = strings.TrimRight(base, "/")
	if base == "" {
		return script, 0
	}
	var b strings.Builder
	n := 0
	for {
		i := strings.Index(script, base)
		if i < 0 {
			b.WriteString(script)
			return b.String(), n
		}
		end := i + len(base)
		if end == len(script) || strings.IndexByte("/'\"?# \t\n`", script[end]) >= 0 {
			b.WriteString(script[:i] + jira.Placeholder)
			n++
		} else {
			b.WriteString(script[:end])
		}
		script = script[end:]
	}
}

// Write writes the script (ScriptFile) and the settings (SettingsFile,
// indented JSON) into dir, creating it, and returns the paths.
func (r *Result) Write(dir string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("pull: %w; choose another --out", err)
	}
	settings, err := json.MarshalIndent(r.Settings, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("pull: %w", err)
	}
	files := []struct {
		name string
		data []byte
	}{{ScriptFile, []byte(r.Script)}, {SettingsFile, append(settings, '\n')}}
	var paths []string
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		if err := os.WriteFile(p, f.data, 0o644); err != nil {
			return paths, fmt.Errorf("pull: writing %s: %w; choose another --out", p, err)
		}
		paths = append(paths, p)
	}
	return paths, nil
}
