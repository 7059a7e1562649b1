package connection

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/redact"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBuild(t *testing.T) {
	p := goodParams(t)
	p.JIRAURL = "https://example.com/jira/"
	p.Name = "jira-prod"
	b, err := Build(p)
	require.NoError(t, err)

	var got map[string]any
	require.NoError(t, json.Unmarshal(b.JSON(), &got))
	want := map[string]any{
		"name":     "jira-prod",
		"strategy": "oauth1",
		"options": map[string]any{
			"client_id":            "auth0-jira",
			"client_secret":        readKey(t, "pkcs8.key"),
			"requestTokenURL":      "https://example.com/jira/plugins/servlet/oauth/request-token",
			"accessTokenURL":       "https://example.com/jira/plugins/servlet/oauth/access-token",
			"userAuthorizationURL": "https://example.com/jira/plugins/servlet/oauth/authorize",
			"signatureMethod":      "RSA-SHA1",
			"scripts": map[string]any{
				"fetchUserProfile": bridge.RenderScript(bridge.ShippedScript, "https://example.com/jira"),
			},
		},
	}
	assert.Equal(t, want, got)
	assert.Equal(t, want["options"], b.Options.Map())
}

func TestBodyJSONStableOrder(t *testing.T) {
	b, err := Build(goodParams(t))
	require.NoError(t, err)
	s := string(b.JSON())
	order := []string{`"name"`, `"strategy"`, `"options"`, `"client_id"`, `"client_secret"`, `"requestTokenURL"`,
		`"accessTokenURL"`, `"userAuthorizationURL"`, `"signatureMethod"`, `"scripts"`, `"fetchUserProfile"`}
	last := -1
	for _, k := range order {
		i := strings.Index(s, k)
		require.Greater(t, i, last, "%s in order", k)
		last = i
	}
	assert.NotContains(t, s, `\u0026`, "no HTML escaping of the script")
	assert.Contains(t, s, "&&", "the shipped script's && stays readable")
	assert.Equal(t, s, string(b.JSON()), "same bytes every time")
	assert.True(t, json.Valid(b.Indent()))
	assert.True(t, strings.HasSuffix(string(b.Indent()), "}\n"))
}

func TestRedacted(t *testing.T) {
	pem := readKey(t, "pkcs8.key")
	p := goodParams(t)
	// A script that hard-codes the key: redaction catches it there too.
	p.Script = "function(token, tokenSecret, ctx, cb) {\n  var k = " + mustJSON(t, pem) + ";\n  cb(null, {user_id: 'x'});\n}"
	b, err := Build(p)
	require.NoError(t, err)
	r := b.Redacted()
	assert.Equal(t, redact.Mask, r.Options.ClientSecret)
	assert.Equal(t, pem, b.Options.ClientSecret, "the original is untouched")
	out := string(r.Indent())
	for _, line := range strings.Split(strings.TrimSpace(pem), "\n") {
		if !strings.HasPrefix(line, "-----") {
			assert.NotContains(t, out, line)
		}
	}
	assert.Contains(t, r.Options.Scripts.FetchUserProfile, "var k = \""+redact.Mask+"\"")
}

func mustJSON(t *testing.T, v any) string {
	data, err := json.Marshal(v)
	require.NoError(t, err)
	return string(data)
}

func TestHAR(t *testing.T) {
	b, err := Build(goodParams(t))
	require.NoError(t, err)
	cases := []struct{ base, url string }{
		{"", "https://YOUR_TENANT.auth0.com/api/v2/connections"},
		{"https://example.eu.auth0.com", "https://example.eu.auth0.com/api/v2/connections"},
		{"http://127.0.0.1:8080/", "http://127.0.0.1:8080/api/v2/connections"},
	}
	for _, c := range cases {
		h := b.Redacted().HAR(c.base)
		assert.Equal(t, "POST", h.Method)
		assert.Equal(t, c.url, h.URL)
		assert.Equal(t, "HTTP/1.1", h.HTTPVersion)
		assert.Contains(t, h.Headers, HARNameValue{Name: "Authorization", Value: "Bearer [REDACTED]"})
		assert.Contains(t, h.Headers, HARNameValue{Name: "Content-Type", Value: "application/json"})
		require.NotNil(t, h.PostData)
		assert.Equal(t, "application/json", h.PostData.MimeType)
		assert.Equal(t, string(b.Redacted().JSON()), h.PostData.Text)
		var body Body
		require.NoError(t, json.Unmarshal([]byte(h.PostData.Text), &body), "postData.text is valid JSON, unlike the guide's")
		assert.Equal(t, redact.Mask, body.Options.ClientSecret)

		var generic map[string]any
		require.NoError(t, json.Unmarshal(h.Indent(), &generic))
		for _, k := range []string{"method", "url", "httpVersion", "cookies", "headers", "queryString", "postData", "headersSize", "bodySize", "comment"} {
			assert.Contains(t, generic, k, "HAR request field %s, as in the guide", k)
		}
	}
}

func TestNewHARRequestQuery(t *testing.T) {
	h := NewHARRequest("GET", "https://t.auth0.com/api/v2/connections?name=jira&x=a%20b", nil)
	assert.Equal(t, []HARNameValue{{"name", "jira"}, {"x", "a b"}}, h.QueryString)
	assert.Nil(t, h.PostData)
	assert.Len(t, h.Headers, 1)
}

func BenchmarkBuild(b *testing.B) {
	p := goodParams(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(p); err != nil {
			b.Fatal(err)
		}
	}
}
