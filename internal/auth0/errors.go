package auth0

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
)

// APIError is a failed Management API call, modelled on x/oauth2's
// RetrieveError. The error body is {"statusCode","error","message","errorCode"}
// (docs/auth0.md "Management API" "Scopes and errors").
type APIError struct {
	Method, Path string // the request, without host or secrets
	StatusCode   int    // HTTP status
	Err          string `json:"error"`     // e.g. "Forbidden"
	Message      string `json:"message"`   // e.g. "Insufficient scope, expected any of: create:connections"
	ErrorCode    string `json:"errorCode"` // e.g. "insufficient_scope", "inexistent_connection"
	Body         []byte // the raw body, as received
	Attempts     int    // how many times the request was sent
	// Needs lists the scopes the call needs, for the advice on 401/403.
	Needs []string
}

// scopeList finds the scopes in "Insufficient scope, expected any of: a,b".
var scopeList = regexp.MustCompile(`(?i)expected (?:any|all) of:\s*([a-z0-9_:, ]+)`)

// MissingScopes returns the scopes Auth0 says the token lacks, parsed from
// "Insufficient scope, expected any of: …", or nil.
func (e *APIError) MissingScopes() []string {
	m := scopeList.FindStringSubmatch(e.Message)
	if m == nil {
		return nil
	}
	var out []string
	for _, s := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ',' || r == ' ' }) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "auth0: %s %s: %d", e.Method, e.Path, e.StatusCode)
	if e.Err != "" {
		b.WriteString(" " + e.Err)
	} else if t := http.StatusText(e.StatusCode); t != "" {
		b.WriteString(" " + t)
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	} else if len(e.Body) > 0 && e.Err == "" {
		b.WriteString(": " + snippet(e.Body))
	}
	if e.ErrorCode != "" {
		b.WriteString(" (errorCode " + e.ErrorCode + ")")
	}
	if e.Attempts > 1 {
		fmt.Fprintf(&b, " after %d attempts", e.Attempts)
	}
	if adv := e.advice(); adv != "" {
		b.WriteString("; " + adv)
	}
	return b.String()
}

// advice says what to do next for the statuses a user can fix.
func (e *APIError) advice() string {
	if e.Path == tokenPath {
		if adv := e.tokenAdvice(); adv != "" {
			return adv
		}
	}
	switch e.StatusCode {
	case http.StatusUnauthorized:
		s := "the token was refused: check --api-token (it may have expired) or --client-id/--client-secret"
		if len(e.Needs) > 0 {
			s += "; the call needs the scope " + strings.Join(e.Needs, " and ")
		}
		return s
	case http.StatusForbidden:
		scopes := e.MissingScopes()
		if len(scopes) == 0 {
			scopes = e.Needs
		}
		if len(scopes) == 0 {
			return "the token is not allowed to do this"
		}
		return "the token lacks the scope " + strings.Join(scopes, " or ") +
			": grant it to the application in Auth0 (Applications > APIs > Auth0 Management API > Machine To Machine Applications), or mint an API token with it"
	case http.StatusTooManyRequests:
		return "Auth0's rate limit: wait a minute and run again"
	}
	if e.StatusCode >= 500 {
		return "Auth0 failed: run again later"
	}
	return ""
}

// parseAPIError builds the error of a failed response; body is what was read.
func parseAPIError(method, path string, status int, body []byte) *APIError {
	e := &APIError{Method: method, Path: path, StatusCode: status, Body: body}
	var wire struct {
		Err       string `json:"error"`
		Message   string `json:"message"`
		ErrorCode string `json:"errorCode"`
		// The token endpoint answers OAuth-style errors.
		Description string `json:"error_description"`
	}
	if json.Unmarshal(body, &wire) == nil {
		e.Err, e.Message, e.ErrorCode = wire.Err, wire.Message, wire.ErrorCode
		if e.Message == "" {
			e.Message = wire.Description
		}
	}
	return e
}

func snippet(b []byte) string {
	s := strings.TrimSpace(string(b))
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// IsStatus reports whether err is an *APIError with the given status.
func IsStatus(err error, status int) bool {
	e, ok := asAPIError(err)
	return ok && e.StatusCode == status
}

// tokenPath is where the client-credentials grant is sent (docs/auth0.md "Management API" "Token").
const tokenPath = "/oauth/token"

// tokenAdvice is the advice when the token endpoint refused the client
// credentials: no token was issued, so neither --api-token nor a scope is at
// fault. Auth0 answers 401 access_denied "Unauthorized" for an unknown client or
// a wrong secret, and 403 access_denied when the application is not authorized
// for the audience (the Management API).
func (e *APIError) tokenAdvice() string {
	const where = "Applications > APIs > Auth0 Management API > Machine To Machine Applications"
	switch e.StatusCode {
	case http.StatusUnauthorized:
		return "the tenant refused the client credentials (--client-id/AUTH0_CLIENT_ID, --client-secret/AUTH0_CLIENT_SECRET): " +
			"check that the client ID is that of a machine-to-machine application of this tenant, authorized for the Auth0 Management API (" + where + "), " +
			"and that the secret is the current one (rotating it in Auth0 invalidates the old one)"
	case http.StatusForbidden:
		return "the tenant would not issue a Management API token for --client-id (AUTH0_CLIENT_ID): " +
			"authorize the application for the Auth0 Management API (" + where + ") and check --domain"
	}
	return ""
}
