package connection

import (
	"bytes"
	"encoding/json"
)

// Strategy and SignatureMethod of a JIRA connection: Auth0's OAuth 1.0a
// strategy, and the only signature method JIRA accepts (docs/auth0.md "Management API", §4).
const (
	Strategy        = "oauth1"
	SignatureMethod = "RSA-SHA1"
)

// Body is the JSON body of `POST /api/v2/connections` for JIRA (docs/auth0.md "Management API").
// Its fields marshal in this order, so the output is stable.
type Body struct {
	Name     string  `json:"name" yaml:"name"`
	Strategy string  `json:"strategy" yaml:"strategy"`
	Options  Options `json:"options" yaml:"options"`
}

// Options are the oauth1 connection options, in the Auth0 schema's spellings
// (client_id/client_secret, not the guide's consumerKey/consumerSecret: see the
// package doc). The script reads them as ctx.client_id, ctx.requestTokenURL, …
// (docs/auth0.md "The sandbox").
type Options struct {
	ClientID             string  `json:"client_id" yaml:"client_id"`         // the JIRA consumer key
	ClientSecret         string  `json:"client_secret" yaml:"client_secret"` // the RSA private key PEM: a secret
	RequestTokenURL      string  `json:"requestTokenURL" yaml:"requestTokenURL"`
	AccessTokenURL       string  `json:"accessTokenURL" yaml:"accessTokenURL"`
	UserAuthorizationURL string  `json:"userAuthorizationURL" yaml:"userAuthorizationURL"`
	SignatureMethod      string  `json:"signatureMethod" yaml:"signatureMethod"`
	Scripts              Scripts `json:"scripts" yaml:"scripts"`
}

// Scripts holds the connection's scripts; oauth1 has fetchUserProfile only.
type Scripts struct {
	FetchUserProfile string `json:"fetchUserProfile" yaml:"fetchUserProfile"`
}

// Build validates p (see Validate) and returns the connection body.
func Build(p Params) (*Body, error) {
	v, err := Validate(p)
	if err != nil {
		return nil, err
	}
	return v.Body(), nil
}

// Body returns the POST /api/v2/connections body of v.
func (v *Validated) Body() *Body {
	rt, at, auth := OAuthURLs(v.JIRAURL)
	return &Body{
		Name:     v.Name,
		Strategy: Strategy,
		Options: Options{
			ClientID:             v.ConsumerKey,
			ClientSecret:         v.PrivateKeyPEM,
			RequestTokenURL:      rt,
			AccessTokenURL:       at,
			UserAuthorizationURL: auth,
			SignatureMethod:      SignatureMethod,
			Scripts:              Scripts{FetchUserProfile: v.Rendered},
		},
	}
}

// JSON returns b as compact JSON, in field order, without HTML escaping (a
// script's && and < stay readable): the exact bytes sent to Auth0.
func (b *Body) JSON() []byte { return marshal(b, "") }

// Indent returns b as JSON indented by two spaces, ending in a newline: what
// `bridge connection` prints.
func (b *Body) Indent() []byte { return append(marshal(b, "  "), '\n') }

// Map returns the options as a generic JSON object, for merging onto the
// options a connection already has (PATCH replaces options wholesale,
// docs/auth0.md "Management API").
func (o Options) Map() map[string]any {
	var m map[string]any
	if err := json.Unmarshal(marshal(o, ""), &m); err != nil {
		panic("connection: options do not round-trip: " + err.Error())
	}
	return m
}

func marshal(v any, indent string) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	if err := enc.Encode(v); err != nil {
		panic("connection: marshalling: " + err.Error()) // plain strings and structs cannot fail
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}
