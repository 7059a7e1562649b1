package connection

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"unicode"

	"github.com/jira-auth0-bridge/bridge/internal/jira"
)

// StrategyOAuth2 is Auth0's strategy of a custom social connection that speaks
// OAuth 2.0 (docs/auth0.md "OAuth 2.0 connections").
const StrategyOAuth2 = "oauth2"

// Flavor is the JIRA an oauth2 connection logs in with: Jira Data Center's
// OAuth 2.0 provider, or Atlassian Cloud's OAuth 2.0 (3LO).
type Flavor string

// The flavours; "" means FlavorServer.
const (
	FlavorServer Flavor = "server"
	FlavorCloud  Flavor = "cloud"
)

// Jira Data Center's OAuth 2.0 provider endpoints below the base URL and the
// scope the profile script needs (docs/jira.md "OAuth 2.0"; /rest/api/2/myself
// needs READ).
const (
	ServerAuthorizePath = jira.OAuth2AuthorizePath
	ServerTokenPath     = jira.OAuth2TokenPath
	ServerScope         = "READ"
)

// ServerScopes are the scopes Jira Data Center defines (docs/jira.md "OAuth 2.0").
var ServerScopes = []string{"READ", "WRITE", "ADMIN", "SYSTEM_ADMIN"}

// Atlassian Cloud's OAuth 2.0 (3LO) endpoints, default scope and the
// authorization parameters 3LO requires (docs/auth0.md "OAuth 2.0 connections").
const (
	CloudAuthorizationURL = jira.CloudAuthorizeURL
	CloudTokenURL         = jira.CloudTokenURL
	CloudScope            = "read:me read:jira-user offline_access"
)

// CloudAuthParams are the static parameters Auth0 adds to the authorization
// request (options.authParams): Atlassian's 3LO refuses an authorization
// without audience=api.atlassian.com and prompt=consent.
func CloudAuthParams() map[string]string {
	return map[string]string{"audience": "api.atlassian.com", "prompt": "consent"}
}

// Fields of the oauth2 settings, as validation names them (cmd/bridge maps
// them to --jira-client-id, --jira-client-secret, --flavor, --scope). The JIRA
// URL, the name and the script share the oauth1 fields.
const (
	FieldClientID      = "jira_client_id"
	FieldClientSecret  = "jira_client_secret"
	FieldFlavor        = "flavor"
	FieldScope         = "scope"
	FieldCustomHeaders = "custom_headers"
)

// Sentinels of oauth2 validation, matched with errors.Is.
var (
	ErrClientID      = errors.New("bad OAuth 2.0 client id")
	ErrClientSecret  = errors.New("bad OAuth 2.0 client secret")
	ErrFlavor        = errors.New("unknown flavor")
	ErrScope         = errors.New("bad scope")
	ErrCustomHeaders = errors.New("bad custom headers")
)

// OAuth2Params are the settings of an oauth2 JIRA connection, as the user
// gives them (`bridge connection --protocol oauth2`, `bridge publish --protocol oauth2`).
type OAuth2Params struct {
	Flavor Flavor // "" = FlavorServer
	// JIRAURL is JIRA's base URL. Required for FlavorServer (the OAuth URLs
	// derive from it); for FlavorCloud only when the script says JIRA_URL.
	JIRAURL      string
	ClientID     string // the client id of JIRA's incoming link, or of the Atlassian developer console's app -> options.client_id
	ClientSecret string // its client secret -> options.client_secret
	// Scope is space-separated; "" = ServerScope or CloudScope.
	Scope string
	// CustomHeaders are sent by Auth0 with the token request
	// (options.customHeaders); nil = none. For a JIRA behind a proxy that
	// wants a header.
	CustomHeaders map[string]string
	Name          string // the connection name; "" = DefaultName
	Script        string // fetchUserProfile(accessToken, ctx, cb) source; JIRA_URL is rendered. Required.
	ScriptName    string // the script's file, for messages; "" = "the script"
}

// OAuth2Validated is an oauth2 connection whose settings passed every check.
type OAuth2Validated struct {
	OAuth2Params          // normalized: Flavor and Scope filled in, JIRAURL without trailing slash
	Rendered     string   // Script with JIRA_URL rendered: what options.scripts.fetchUserProfile holds
	Warnings     []string // things that will not stop a publish but should be read
}

// ValidateOAuth2 checks p as Validate checks oauth1 settings, reporting every
// problem at once (see Problems): the flavour; the JIRA URL (NormalizeJIRAURL;
// required for FlavorServer); the client id and secret (present, no white
// space, not an RSA key: that is OAuth 1.0a's); the scope (Data Center's four
// scopes); custom headers (Auth0's schema limits); the name (CheckName); and the
// script (compiles; at most 51,200 characters once rendered).
func ValidateOAuth2(p OAuth2Params) (*OAuth2Validated, error) {
	v := &OAuth2Validated{OAuth2Params: p}
	var errs []error
	add := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	if v.Flavor == "" {
		v.Flavor = FlavorServer
	}
	if v.Flavor != FlavorServer && v.Flavor != FlavorCloud {
		add(problem(FieldFlavor, ErrFlavor, "use server (Jira Data Center) or cloud (Atlassian Cloud)", "%q", string(p.Flavor)))
	}
	if p.JIRAURL != "" || v.Flavor == FlavorServer || strings.Contains(p.Script, jira.Placeholder) {
		u, err := NormalizeJIRAURL(p.JIRAURL)
		add(err)
		v.JIRAURL = u
		if strings.HasPrefix(u, "http://") {
			v.Warnings = append(v.Warnings, "the JIRA URL uses http: the client secret, codes and tokens travel in clear between Auth0 and JIRA, and Jira Data Center's OAuth 2.0 provider enforces https outside staging; use https")
		}
	}
	add(checkClientID(p.ClientID))
	add(checkClientSecret(p.ClientSecret, p.ClientID))
	v.Scope = strings.Join(strings.Fields(p.Scope), " ")
	if v.Scope == "" {
		v.Scope = defaultScope(v.Flavor)
	}
	w, err := checkScope(v.Flavor, v.Scope)
	add(err)
	v.Warnings = append(v.Warnings, w...)
	add(checkCustomHeaders(p.CustomHeaders))
	if v.Name == "" {
		v.Name = DefaultName
	}
	add(CheckName(v.Name))
	if v.ScriptName == "" {
		v.ScriptName = "the script"
	}
	if v.JIRAURL != "" || !strings.Contains(p.Script, jira.Placeholder) {
		v.Rendered = jira.RenderScript(p.Script, v.JIRAURL)
		warnings, scriptErrs := checkScript(v.ScriptName, v.Rendered)
		v.Warnings = append(v.Warnings, warnings...)
		errs = append(errs, scriptErrs...)
		if w := oauth1Shape(v.Rendered); w != "" {
			v.Warnings = append(v.Warnings, v.ScriptName+": "+w)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return v, nil
}

func defaultScope(f Flavor) string {
	if f == FlavorCloud {
		return CloudScope
	}
	return ServerScope
}

// credentialProblem is the shared check of a client id or secret: the detail
// of what is wrong ("" = nothing) and a note to put before the fix.
func credentialProblem(what, s string) (detail, note string) {
	switch {
	case s == "":
		return "it is empty", ""
	case strings.Contains(s, "-----BEGIN"):
		return "it holds a PEM, not an OAuth 2.0 " + what, "an RSA key belongs to an OAuth 1.0a link (--protocol oauth1); "
	case strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0:
		return "it contains white space or control characters", ""
	}
	return "", ""
}

const credentialFix = "copy it from JIRA's incoming link (Data Center: Administration > Applications > Application links) or from your app in Atlassian's developer console (Cloud)"

// checkClientID and checkClientSecret name their field with the constant
// itself, so that these calls hold whatever type Error.Field has.
func checkClientID(id string) error {
	if detail, note := credentialProblem("client id", id); detail != "" {
		return problem(FieldClientID, ErrClientID, note+"give the client id; "+credentialFix, "%s", detail)
	}
	return nil
}

// checkClientSecret also refuses the client id given as the secret: a paste
// mistake JIRA would answer with invalid_client at the first login.
func checkClientSecret(secret, id string) error {
	detail, note := credentialProblem("client secret", secret)
	if detail == "" && secret == id {
		detail = "it is the client id"
	}
	if detail != "" {
		return problem(FieldClientSecret, ErrClientSecret, note+"give the client secret; "+credentialFix, "%s", detail)
	}
	return nil
}

// checkScope: Data Center knows four scopes and the profile needs READ
// (docs/jira.md "OAuth 2.0"); Cloud's /me needs read:me (docs/auth0.md
// "OAuth 2.0 connections"), whose absence is a warning since a script may use
// other APIs.
func checkScope(f Flavor, scope string) (warnings []string, err error) {
	if strings.IndexFunc(scope, unicode.IsControl) >= 0 || strings.ContainsAny(scope, `"\`) {
		return nil, problem(FieldScope, ErrScope, "separate scopes with spaces", "%q contains control characters, quotes or backslashes", scope)
	}
	scopes := strings.Fields(scope)
	switch f {
	case FlavorServer:
		for _, s := range scopes {
			if !slices.Contains(ServerScopes, s) {
				return nil, problem(FieldScope, ErrScope, "use Jira Data Center's scopes READ, WRITE, ADMIN or SYSTEM_ADMIN (READ is enough for the profile)", "%q is not a Jira Data Center scope", s)
			}
		}
	case FlavorCloud:
		if !slices.Contains(scopes, "read:me") {
			warnings = append(warnings, "the scope lacks read:me: Atlassian's /me (the user profile) answers 403 without it")
		}
	}
	return warnings, nil
}

// checkCustomHeaders applies Auth0's schema of options.customHeaders (at most
// 30 headers, each value 1 to 1024 characters; docs/auth0.md "OAuth 2.0
// connections") and HTTP's token rule to the names.
func checkCustomHeaders(h map[string]string) error {
	const fix = "give at most 30 headers, each Name: value with a value of 1 to 1024 characters"
	if len(h) > 30 {
		return problem(FieldCustomHeaders, ErrCustomHeaders, fix, "%d headers", len(h))
	}
	for _, k := range slices.Sorted(maps.Keys(h)) {
		v := h[k]
		switch {
		case k == "" || strings.IndexFunc(k, func(r rune) bool { return !headerNameRune(r) }) >= 0:
			return problem(FieldCustomHeaders, ErrCustomHeaders, fix, "%q is not a header name", k)
		case v == "" || len(v) > 1024:
			return problem(FieldCustomHeaders, ErrCustomHeaders, fix, "the value of %s has %d characters", k, len(v))
		case strings.ContainsAny(v, "\r\n\x00"):
			return problem(FieldCustomHeaders, ErrCustomHeaders, fix, "the value of %s contains a line break", k)
		}
	}
	return nil
}

// headerNameRune: RFC 9110's tchar.
func headerNameRune(r rune) bool {
	return r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("!#$%&'*+-.^_`|~", r))
}
