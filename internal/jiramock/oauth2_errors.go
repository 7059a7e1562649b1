package jiramock

import (
	"encoding/json"
	"html/template"
	"net/http"
	"net/url"
	"strings"
)

// RFC 6749 error codes the mock answers with (§4.1.2.1 for the authorization
// endpoint, §5.2 for the token endpoint) and RFC 6750 §3.1's for bearer
// tokens.
const (
	ErrInvalidRequest          = "invalid_request"
	ErrInvalidClient           = "invalid_client"
	ErrInvalidGrant            = "invalid_grant"
	ErrUnauthorizedClient      = "unauthorized_client"
	ErrUnsupportedGrantType    = "unsupported_grant_type"
	ErrUnsupportedResponseType = "unsupported_response_type"
	ErrInvalidScope            = "invalid_scope"
	ErrAccessDenied            = "access_denied"
	ErrInvalidToken            = "invalid_token"
	ErrInsufficientScope       = "insufficient_scope"
)

// tokenError answers the token endpoint with RFC 6749 §5.2's JSON error:
// 400, or 401 for invalid_client, with WWW-Authenticate when the client
// authenticated with the Authorization header.
func tokenError(x *exchange, code, desc string, basic bool) {
	status := http.StatusBadRequest
	if code == ErrInvalidClient {
		status = http.StatusUnauthorized
		if basic {
			x.w.Header().Set("WWW-Authenticate", `Basic realm="`+x.s.baseFor(x.r)+`"`)
		}
	}
	x.entry.Verdict, x.entry.Detail = code, desc
	writeJSON(x.w, status, map[string]string{"error": code, "error_description": desc})
}

// writeJSON sends v as application/json, never cached (RFC 6749 §5.1).
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, _ := json.Marshal(v)
	h := w.Header()
	h.Set("Content-Type", "application/json;charset=UTF-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Pragma", "no-cache")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// redirectError sends the user agent back to the client with an error (RFC
// 6749 §4.1.2.1): only once client_id and redirect_uri are known good.
func redirectError(x *exchange, redirectURI, state, code, desc string) {
	q := url.Values{"error": {code}, "error_description": {desc}}
	if state != "" {
		q.Set("state", state)
	}
	x.entry.Verdict, x.entry.Detail = code, desc
	x.w.Header().Set("Location", withQuery(redirectURI, q))
	x.w.WriteHeader(http.StatusFound)
}

// withQuery appends q to u, keeping u's own query (RFC 6749 §3.1.2).
func withQuery(u string, q url.Values) string {
	sep := "?"
	if strings.Contains(u, "?") {
		sep = "&"
	}
	return u + sep + q.Encode()
}

// authorizeErrorPage is shown, with no redirect, when the client or its
// redirect URI cannot be trusted (RFC 6749 §4.1.2.1), or a Cloud request
// lacks audience or prompt (docs/jira.md "OAuth 2.0", an assumption).
var authorizeErrorPage = template.Must(template.New("oauth2-error").Parse(`<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Authorization failed - Mock JIRA</title></head>
<body>
<h1>Something went wrong</h1>
<p id="error"><code>{{.Code}}</code>: {{.Desc}}</p>
</body>
</html>
`))

func authorizePageError(x *exchange, code, desc string) {
	x.entry.Verdict, x.entry.Detail = code, desc
	x.w.Header().Set("Content-Type", "text/html;charset=UTF-8")
	x.w.WriteHeader(http.StatusBadRequest)
	_ = authorizeErrorPage.Execute(x.w, struct{ Code, Desc string }{code, desc})
}

// bearerChallenge is RFC 6750 §3's WWW-Authenticate value: realm, and error,
// error_description and scope when there is an error.
func bearerChallenge(realm, code, desc, scope string) string {
	q := func(s string) string { return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"` }
	v := "Bearer realm=" + q(realm)
	if code != "" {
		v += ", error=" + q(code) + ", error_description=" + q(desc)
	}
	if scope != "" {
		v += ", scope=" + q(scope)
	}
	return v
}
