package script

import (
	"fmt"
	"sort"
)

// The calling conventions of Options.Protocol (docs/auth0.md "OAuth2 ctx").
const (
	// ProtocolOAuth1 calls fn(token, tokenSecret, ctx, cb), as Auth0's
	// generic OAuth1 connection does; ctx is Context.Object. The default.
	ProtocolOAuth1 = "oauth1"
	// ProtocolOAuth2 calls fn(accessToken, ctx, cb), as Auth0's generic
	// OAuth2 connection does: Options.Token is the access token and ctx is
	// Context.OAuth2Object, the token response.
	ProtocolOAuth2 = "oauth2"
)

// protocolError says why Options.Protocol cannot be used, or nil.
func protocolError(p string) *Error {
	switch p {
	case "", ProtocolOAuth1, ProtocolOAuth2:
		return nil
	}
	return &Error{Kind: KindException, Message: fmt.Sprintf(
		"bridge: unknown script protocol %q: use %q (fn(token, tokenSecret, ctx, cb)) or %q (fn(accessToken, ctx, cb))",
		p, ProtocolOAuth1, ProtocolOAuth2)}
}

// OAuth2Object returns ctx as an OAuth2 script sees it (docs/auth0.md "OAuth2
// ctx"): the fields of the token response (id_token, token_type,
// expires_in, scope, ...), with access_token set to accessToken when the
// response does not carry it. node-oauth's OAuth2.getOAuthAccessToken, which
// passport-oauth2 hands on as params, drops refresh_token from these fields
// (lib/oauth2.js), and so does OAuth2Object.
func (c Context) OAuth2Object(accessToken string) map[string]any {
	out := make(map[string]any, len(c.TokenResponse)+1)
	keys := make([]string, 0, len(c.TokenResponse))
	for k := range c.TokenResponse {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if k != "refresh_token" {
			out[k] = c.TokenResponse[k]
		}
	}
	if _, ok := out["access_token"]; !ok {
		out["access_token"] = accessToken
	}
	return out
}

// runSecrets are the values a run redacts: the client secret, the token
// secret and Options.Secrets; under ProtocolOAuth2 also the access token,
// which is the bearer credential there (docs/auth0.md "OAuth2 ctx").
func runSecrets(opts Options) []string {
	s := append([]string{opts.Ctx.ClientSecret, opts.TokenSecret}, opts.Secrets...)
	if opts.Protocol == ProtocolOAuth2 {
		s = append(s, opts.Token)
	}
	return s
}
