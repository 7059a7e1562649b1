package auth0fake

import (
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"slices"
	"strings"
	"sync"
)

// authority is the tenant's authorization server: the machine-to-machine
// applications that may get tokens and the Management API tokens it knows.
// Its methods are safe for concurrent use.
type authority struct {
	mu      sync.Mutex
	clients map[string]app      // client_id -> credentials and scopes
	tokens  map[string][]string // bearer token -> scopes
}

type app struct {
	secret string
	scopes []string
}

func (a *authority) addClient(id, secret string, scopes []string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.clients[id] = app{secret: secret, scopes: scopes}
}

func (a *authority) addToken(token string, scopes []string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.tokens[token] = scopes
}

// token answers POST /oauth/token for the client-credentials grant, the client
// authenticating in the form body (docs/auth0.md "Management API" "Token"). The token is opaque
// but JWT-looking ("eyJ…"), mapped to the application's scopes. audience is the
// tenant's Management API identifier, https://TENANT/api/v2/.
func (au *authority) token(w http.ResponseWriter, r *http.Request, audience string) {
	if r.Method != http.MethodPost {
		writeError(w, http.StatusMethodNotAllowed, "Method Not Allowed", "use POST", "")
		return
	}
	if err := r.ParseForm(); err != nil {
		oauthError(w, http.StatusBadRequest, "invalid_request", "malformed form body")
		return
	}
	if r.PostForm.Get("grant_type") != "client_credentials" {
		oauthError(w, http.StatusForbidden, "unsupported_grant_type", "Unsupported grant type: "+r.PostForm.Get("grant_type"))
		return
	}
	if _, _, basic := r.BasicAuth(); basic {
		// Auth0 applications default to client_secret_post; the fake insists,
		// so that a client sending Basic auth is caught.
		oauthError(w, http.StatusUnauthorized, "access_denied", "client authentication must be client_secret_post (credentials in the form body)")
		return
	}
	id, secret := r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	au.mu.Lock()
	a, ok := au.clients[id]
	au.mu.Unlock()
	if !ok || a.secret != secret {
		oauthError(w, http.StatusUnauthorized, "access_denied", "Unauthorized")
		return
	}
	if aud := r.PostForm.Get("audience"); aud != audience {
		oauthError(w, http.StatusForbidden, "access_denied", "Service not enabled within domain: "+aud)
		return
	}
	tok := newToken()
	au.mu.Lock()
	au.tokens[tok] = slices.Clone(a.scopes)
	au.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{
		"access_token": tok, "expires_in": 86400, "token_type": "Bearer",
		"scope": strings.Join(a.scopes, " "),
	})
}

func oauthError(w http.ResponseWriter, status int, code, desc string) {
	writeJSON(w, status, map[string]string{"error": code, "error_description": desc})
}

func newToken() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	return "eyJhbGciOiJSUzI1NiJ9." + base64.RawURLEncoding.EncodeToString(b)
}

// scopesOf authenticates the request's Bearer token. It answers 401 itself and
// returns ok false when the token is missing or unknown.
func (au *authority) scopesOf(w http.ResponseWriter, r *http.Request) (scopes []string, ok bool) {
	auth := r.Header.Get("Authorization")
	tok, found := strings.CutPrefix(auth, "Bearer ")
	if !found || tok == "" {
		writeError(w, http.StatusUnauthorized, "Unauthorized", "Missing authentication", "")
		return nil, false
	}
	au.mu.Lock()
	scopes, ok = au.tokens[tok]
	au.mu.Unlock()
	if !ok {
		writeError(w, http.StatusUnauthorized, "Unauthorized", "Invalid token", "")
		return nil, false
	}
	return scopes, true
}

// require answers 403 insufficient_scope unless scopes holds need.
func require(w http.ResponseWriter, scopes []string, need string) bool {
	if slices.Contains(scopes, need) {
		return true
	}
	insufficientScope(w, need)
	return false
}
