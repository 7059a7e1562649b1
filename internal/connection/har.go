package connection

import (
	"net/url"
	"strings"

	"github.com/jira-auth0-bridge/bridge/internal/redact"
)

// PlaceholderTenant stands for the Auth0 tenant in a HAR entry when none is
// known, like the guide's YOURACCOUNT.auth0.com.
const PlaceholderTenant = "https://YOUR_TENANT.auth0.com"

// ConnectionsPath is the Management API's connections collection (docs/auth0.md "Management API").
const ConnectionsPath = "/api/v2/connections"

// HARRequest is a HAR 1.2 request object, the form of the request shown in the
// Auth0 JIRA guide's step 3. Its Authorization header always reads
// "Bearer [REDACTED]": a HAR entry is for reading and pasting, and never holds
// the Management API token.
type HARRequest struct {
	Method      string         `json:"method"`
	URL         string         `json:"url"`
	HTTPVersion string         `json:"httpVersion"`
	Cookies     []HARNameValue `json:"cookies"`
	Headers     []HARNameValue `json:"headers"`
	QueryString []HARNameValue `json:"queryString"`
	PostData    *HARPostData   `json:"postData,omitempty"`
	HeadersSize int            `json:"headersSize"`
	BodySize    int            `json:"bodySize"`
	Comment     string         `json:"comment"`
}

// HARNameValue is a HAR header, cookie or query parameter.
type HARNameValue struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// HARPostData is a HAR request body.
type HARPostData struct {
	MimeType string `json:"mimeType"`
	Text     string `json:"text"`
}

// NewHARRequest describes a Management API request: method, absolute URL and
// JSON body (nil for none), with a redacted bearer token. The caller redacts
// secrets in body itself (see Body.Redacted).
func NewHARRequest(method, rawURL string, body []byte) HARRequest {
	h := HARRequest{
		Method:      method,
		URL:         rawURL,
		HTTPVersion: "HTTP/1.1",
		Cookies:     []HARNameValue{},
		Headers:     []HARNameValue{{Name: "Authorization", Value: "Bearer " + redact.Mask}},
		QueryString: []HARNameValue{},
		HeadersSize: -1,
		BodySize:    -1,
	}
	if u, err := url.Parse(rawURL); err == nil {
		for _, kv := range strings.Split(u.RawQuery, "&") {
			if kv == "" {
				continue
			}
			k, v, _ := strings.Cut(kv, "=")
			k, _ = url.QueryUnescape(k)
			v, _ = url.QueryUnescape(v)
			h.QueryString = append(h.QueryString, HARNameValue{Name: k, Value: v})
		}
	}
	if body != nil {
		h.Headers = append(h.Headers, HARNameValue{Name: "Content-Type", Value: "application/json"})
		h.PostData = &HARPostData{MimeType: "application/json", Text: string(body)}
	}
	return h
}

// HAR returns the POST /api/v2/connections request that creates b on the
// tenant at baseURL (scheme://host[:port]; "" = PlaceholderTenant). The body
// is b as given: pass b.Redacted() unless secrets are to be shown.
func (b *Body) HAR(baseURL string) HARRequest {
	if baseURL == "" {
		baseURL = PlaceholderTenant
	}
	return NewHARRequest("POST", strings.TrimRight(baseURL, "/")+ConnectionsPath, b.JSON())
}

// Indent returns h as JSON indented by two spaces, ending in a newline.
func (h HARRequest) Indent() []byte { return append(marshal(h, "  "), '\n') }
