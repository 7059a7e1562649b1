package connection

import (
	"errors"
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestValidateDefaults(t *testing.T) {
	p := goodParams(t)
	p.JIRAURL = "https://Jira.Example.com/jira/"
	v, err := Validate(p)
	require.NoError(t, err)
	assert.Equal(t, "https://jira.example.com/jira", v.JIRAURL)
	assert.Equal(t, DefaultName, v.Name)
	assert.Equal(t, bridge.ShippedScript, v.Script)
	assert.Equal(t, bridge.ShippedScriptName, v.ScriptName)
	assert.Equal(t, bridge.RenderScript(bridge.ShippedScript, "https://jira.example.com/jira"), v.Rendered)
	assert.NotContains(t, v.Rendered, bridge.JIRAURLPlaceholder)
	assert.Equal(t, readKey(t, "pkcs8.key"), v.PrivateKeyPEM)
	assert.Empty(t, v.Warnings)
}

func TestValidatePKCS1AndPublicKey(t *testing.T) {
	for _, pub := range []string{"pkcs8.pub", "pkcs1.pub"} {
		p := goodParams(t)
		p.PrivateKeyPEM = readKey(t, "pkcs1.key")
		p.PublicKeyPEM = readKey(t, pub)
		v, err := Validate(p)
		require.NoError(t, err, pub)
		assert.True(t, strings.HasPrefix(v.PrivateKeyPEM, "-----BEGIN RSA PRIVATE KEY-----"), "the key keeps its PKCS#1 form")
	}
}

func TestValidateHTTPWarns(t *testing.T) {
	p := goodParams(t)
	p.JIRAURL = "http://jira.example.com"
	v, err := Validate(p)
	require.NoError(t, err)
	require.Len(t, v.Warnings, 1)
	assert.Contains(t, v.Warnings[0], "uses http")
}

func TestValidateFailures(t *testing.T) {
	cases := []struct {
		name     string
		edit     func(p *Params)
		sentinel error
		field    Field
		text     string
	}{
		{"relative URL", func(p *Params) { p.JIRAURL = "/jira" }, ErrJIRAURL, FieldJIRAURL, "absolute http(s)"},
		{"no consumer key", func(p *Params) { p.ConsumerKey = "" }, ErrConsumerKey, FieldConsumerKey, "empty"},
		{"consumer key with space", func(p *Params) { p.ConsumerKey = "auth0 jira" }, ErrConsumerKey, FieldConsumerKey, "white space"},
		{"PEM as consumer key", func(p *Params) { p.ConsumerKey = readKey(t, "pkcs8.key") }, ErrConsumerKey, FieldConsumerKey, "--private-key"},
		{"bad name", func(p *Params) { p.Name = "jira_prod" }, ErrName, FieldName, "pattern"},
		{"no private key", func(p *Params) { p.PrivateKeyPEM = "" }, ErrPrivateKey, FieldPrivateKey, "bridge keygen"},
		{"encrypted PKCS#8", func(p *Params) { p.PrivateKeyPEM = readKey(t, "encrypted-pkcs8.key"); p.PrivateKeySource = "enc.key" }, keys.ErrEncrypted, FieldPrivateKey, "openssl pkey -in enc.key -out enc.key.plain"},
		{"encrypted PKCS#1", func(p *Params) { p.PrivateKeyPEM = readKey(t, "encrypted-pkcs1.key"); p.PrivateKeySource = "enc.key" }, keys.ErrEncrypted, FieldPrivateKey, "openssl pkey -in enc.key"},
		{"1024 bits", func(p *Params) { p.PrivateKeyPEM = readKey(t, "rsa1024.key") }, keys.ErrTooSmall, FieldPrivateKey, "1024 bits"},
		{"EC key", func(p *Params) { p.PrivateKeyPEM = readKey(t, "ec.key") }, keys.ErrNotRSA, FieldPrivateKey, "EC key"},
		{"public key as private", func(p *Params) { p.PrivateKeyPEM = readKey(t, "pkcs8.pub") }, keys.ErrNotPrivateKey, FieldPrivateKey, "the .key file"},
		{"shipped test key", func(p *Params) { p.PrivateKeyPEM = string(bridge.TestPrivateKeyPEM) }, ErrTestKey, FieldPrivateKey, "is public"},
		{"mismatched public key", func(p *Params) { p.PublicKeyPEM = readKey(t, "other.pub"); p.PublicKeySource = "other.pub" }, ErrKeyMismatch, FieldPublicKey, "other.pub is not the public key of pkcs8.key"},
		{"private key as public", func(p *Params) { p.PublicKeyPEM = readKey(t, "other.key") }, keys.ErrNotPublicKey, FieldPublicKey, "never the private key"},
		{"script syntax", func(p *Params) {
			p.Script = "function(token, tokenSecret, ctx, cb) {\n  cb(null, {user_id: });\n}"
			p.ScriptName = "my.js"
		}, ErrScript, FieldScript, "my.js:2:22: Unexpected token '}'"},
		{"script not a function expression", func(p *Params) { p.Script = "function f(){}\nf();"; p.ScriptName = "stmt.js" }, ErrScript, FieldScript, "stmt.js:"},
		{"script too long", func(p *Params) {
			p.Script = "function(token, tokenSecret, ctx, cb) {\n//" + strings.Repeat("x", 51200) + "\n}"
		}, ErrScriptSize, FieldScript, "51200"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := goodParams(t)
			c.edit(&p)
			v, err := Validate(p)
			require.Error(t, err)
			assert.Nil(t, v)
			assert.ErrorIs(t, err, c.sentinel)
			probs := Problems(err)
			require.Len(t, probs, 1, "one problem: %v", err)
			assert.Equal(t, c.field, probs[0].Field)
			assert.Contains(t, err.Error(), c.text)
			assert.True(t, strings.HasPrefix(err.Error(), "connection: "+string(c.field)+": "), err.Error())
			assert.NotContains(t, err.Error(), "MII", "no key material in the message")
		})
	}
}

func TestValidateSizeCountsRenderedScript(t *testing.T) {
	// The raw script fits, but rendering JIRA_URL (8 characters) into a long URL
	// pushes it over Auth0's 51,200 characters (docs/auth0.md "The sandbox").
	body := "function(token, tokenSecret, ctx, cb) {\n  var u = 'JIRA_URL';\n//"
	tail := "\n}"
	p := goodParams(t)
	p.Script = body + strings.Repeat("x", 51200-len(body)-len(tail)) + tail
	require.Len(t, p.Script, 51200)
	_, err := Validate(p)
	require.ErrorIs(t, err, ErrScriptSize, "https://jira.example.com is longer than JIRA_URL")
	assert.Contains(t, err.Error(), "51216 characters")
}

func TestValidateSizeAfterRendering(t *testing.T) {
	body := "function(token, tokenSecret, ctx, cb) {\n  var u = 'JIRA_URL';\n//"
	tail := "\n}"
	p := goodParams(t)
	p.JIRAURL = "https://j.io" // 12 characters for the 8 of JIRA_URL
	p.Script = body + strings.Repeat("x", 51200-4-len(body)-len(tail)) + tail
	_, err := Validate(p)
	require.NoError(t, err, "exactly 51,200 characters once rendered")
	p.Script = body + strings.Repeat("x", 51200-3-len(body)-len(tail)) + tail
	_, err = Validate(p)
	require.ErrorIs(t, err, ErrScriptSize, "51,201 characters once rendered")
}

func TestValidateReportsAllProblems(t *testing.T) {
	p := Params{JIRAURL: "jira", ConsumerKey: "", PrivateKeyPEM: string(bridge.TestPrivateKeyPEM), Name: "-x"}
	_, err := Validate(p)
	require.Error(t, err)
	var fields []Field
	for _, e := range Problems(err) {
		fields = append(fields, e.Field)
	}
	assert.ElementsMatch(t, []Field{FieldJIRAURL, FieldConsumerKey, FieldName, FieldPrivateKey}, fields)
	assert.True(t, errors.Is(err, ErrTestKey))
}

// Each message reads as one sentence of "what is wrong; what to do": no ";;"
// when the compiler's message ends in a token such as ";", no backslash-escaped apostrophe for a
// quote, no "parse" jargon repeating the URL. The whole message is compared.
func TestValidateMessagesRead(t *testing.T) {
	cases := []struct {
		name string
		edit func(p *Params)
		want string
	}{
		{"compile error", func(p *Params) { p.Script = "function(a, b, ctx, cb) {\n  var x = ;\n}"; p.ScriptName = "s.js" },
			"connection: script: the script does not compile: s.js:2:11: Unexpected token ';'; fix the script (`bridge run` shows it at work)"},
		{"compile error ending in }", func(p *Params) {
			p.Script = "function(a, b, ctx, cb) {\n  cb(null, {user_id: });\n}"
			p.ScriptName = "s.js"
		},
			"connection: script: the script does not compile: s.js:2:22: Unexpected token '}'; fix the script (`bridge run` shows it at work)"},
		{"blank script", func(p *Params) { p.Script = "  \n"; p.ScriptName = "s.js" },
			"connection: script: the script does not compile: s.js is empty; fix the script (`bridge run` shows it at work)"},
		{"apostrophe in the URL", func(p *Params) { p.JIRAURL = "https://jira.example.com/a'b" },
			`connection: jira_url: bad JIRA URL: "https://jira.example.com/a'b" contains an apostrophe ('), which cannot go into the script's JIRA_URL; give JIRA's base URL, e.g. https://jira.example.com or https://example.com/jira`},
		{"unparsable URL", func(p *Params) { p.JIRAURL = "https://jira.example.com/%zz" },
			`connection: jira_url: bad JIRA URL: "https://jira.example.com/%zz" is not a URL: invalid URL escape "%zz"; give JIRA's base URL, e.g. https://jira.example.com or https://example.com/jira`},
		{"query", func(p *Params) { p.JIRAURL = "https://jira.example.com?x=1" },
			`connection: jira_url: bad JIRA URL: "https://jira.example.com?x=1" has a query; remove the query: JIRA's base URL has none, e.g. https://jira.example.com or https://example.com/jira`},
		{"PEM as consumer key", func(p *Params) { p.ConsumerKey = "-----BEGIN PRIVATE KEY-----" },
			"connection: consumer_key: bad consumer key: it holds a PEM; the consumer key is a name, e.g. auth0-jira, and the key file goes to --private-key"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := goodParams(t)
			c.edit(&p)
			_, err := Validate(p)
			require.Error(t, err)
			assert.Equal(t, c.want, err.Error())
			assert.NotContains(t, err.Error(), ";;")
		})
	}
}
