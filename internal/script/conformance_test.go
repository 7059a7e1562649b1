package script

import (
	"bufio"
	"bytes"
	"context"
	"crypto"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	bridge "github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/testenv"
)

// The conformance tests run the same rows through the real oauth@0.10.2
// under node and through the shim, with the nonce and timestamp fixed, and
// compare base strings, Authorization headers, the raw bytes a TCP server
// receives and the callback arguments (the conformance contract).

// nodeOAuth returns the real node-oauth@0.10.2 of rt, or skips (fails under
// CI=true) when it is missing (testenv).
func nodeOAuth(t *testing.T, rt testenv.Runtime) string {
	t.Helper()
	return rt.NeedModule(t, "oauth", "0.10.2")
}

// captureServer is a raw TCP HTTP server: it records each request's bytes
// exactly and answers by path, always closing the connection.
type captureServer struct {
	ln   net.Listener
	mu   sync.Mutex
	reqs [][]byte
}

func newCaptureServer(t *testing.T) *captureServer {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	s := &captureServer{ln: ln}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go s.serve(c)
		}
	}()
	t.Cleanup(func() { ln.Close() })
	return s
}

func (s *captureServer) base() string { return "http://" + s.ln.Addr().String() }

func (s *captureServer) take() [][]byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.reqs
	s.reqs = nil
	return out
}

func (s *captureServer) serve(c net.Conn) {
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(5 * time.Second))
	br := bufio.NewReader(c)
	var head bytes.Buffer
	for {
		line, err := br.ReadString('\n')
		head.WriteString(line)
		if err != nil {
			return
		}
		if line == "\r\n" {
			break
		}
	}
	n := 0
	for _, l := range strings.Split(head.String(), "\r\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.EqualFold(k, "content-length") {
			n, _ = strconv.Atoi(strings.TrimSpace(v))
		}
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(br, body); err != nil {
		return
	}
	raw := append(head.Bytes(), body...)
	s.mu.Lock()
	s.reqs = append(s.reqs, raw)
	s.mu.Unlock()
	path := strings.Fields(head.String())[1]
	path, _, _ = strings.Cut(path, "?")
	status, text, extra, payload := 200, "OK", "", "ok "+path
	switch path {
	case "/s/204":
		status, text, payload = 204, "No Content", ""
	case "/s/302":
		status, text, extra = 302, "Found", "Location: "+s.base()+"/s/200?after=redirect\r\n"
	case "/s/301":
		status, text, extra = 301, "Moved Permanently", "Location: "+s.base()+"/s/200\r\n"
	case "/s/401":
		status, text, payload = 401, "Unauthorized", "oauth_problem=signature_invalid"
	case "/s/auth": // a Basic challenge until an Authorization header comes
		if !strings.Contains(strings.ToLower(head.String()), "\r\nauthorization:") {
			status, text, extra, payload = 401, "Unauthorized", "WWW-Authenticate: Basic realm=\"x\"\r\n", "who?"
		}
	case "/s/500":
		status, text, payload = 500, "Internal Server Error", "<html>boom</html>"
	case "/token/request":
		payload = "oauth_token=rt%20x&oauth_token_secret=rs&oauth_callback_confirmed=true"
	case "/token/access":
		payload = "oauth_token=at&oauth_token_secret=as&oauth_expires_in=157680000&a=1&a=2"
	}
	resp := fmt.Sprintf("HTTP/1.1 %d %s\r\nContent-Type: text/plain; charset=utf-8\r\nX-Dup: a\r\nx-dup: b\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n%sContent-Length: %d\r\nConnection: close\r\n\r\n%s",
		status, text, extra, len(payload), payload)
	_, _ = io.WriteString(c, resp)
}

// confRow is one conformance row; see testdata/conformance/row.js.
type confRow struct {
	Name              string         `json:"name"`
	Call              string         `json:"call"`
	RequestURL        string         `json:"requestUrl,omitempty"`
	AccessURL         string         `json:"accessUrl,omitempty"`
	ConsumerKey       string         `json:"consumerKey"`
	Secret            string         `json:"secret"`
	Version           any            `json:"version"`
	AuthorizeCallback any            `json:"authorizeCallback"`
	SignatureMethod   string         `json:"signatureMethod"`
	NonceSize         int            `json:"nonceSize,omitempty"`
	CustomHeaders     map[string]any `json:"customHeaders,omitempty"`
	ClientOptions     map[string]any `json:"clientOptions,omitempty"`
	Method            string         `json:"method,omitempty"`
	URL               string         `json:"url,omitempty"`
	Token             any            `json:"token"`
	TokenSecret       any            `json:"tokenSecret"`
	Extra             any            `json:"extra,omitempty"`
	Body              any            `json:"body"`
	ContentType       any            `json:"contentType"`
	Verifier          string         `json:"verifier,omitempty"`
	EchoRealm         string         `json:"echoRealm,omitempty"`
	EchoVerify        string         `json:"echoVerify,omitempty"`
	Nonce             string         `json:"nonce"`
	Timestamp         int64          `json:"timestamp"`
}

// nodeDriver runs rows through the real node-oauth, one process for all.
type nodeDriver struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Scanner
}

func startNode(t *testing.T, rt testenv.Runtime) *nodeDriver {
	cmd := rt.Command("testdata/conformance/driver.js")
	cmd.Env = append(cmd.Env, "OAUTH_MODULE="+nodeOAuth(t, rt))
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	require.NoError(t, err)
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { in.Close(); _ = cmd.Wait() })
	sc := bufio.NewScanner(out)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	return &nodeDriver{cmd: cmd, in: in, out: sc}
}

func (d *nodeDriver) run(t *testing.T, row confRow) string {
	b, err := json.Marshal(row)
	require.NoError(t, err)
	_, err = d.in.Write(append(b, '\n'))
	require.NoError(t, err)
	done := make(chan bool, 1)
	go func() { done <- d.out.Scan() }()
	select {
	case ok := <-done:
		require.True(t, ok, "node driver ended: %v", d.out.Err())
	case <-time.After(10 * time.Second):
		t.Fatalf("node driver did not answer row %s", row.Name)
	}
	return d.out.Text()
}

// shimRow runs a row through the shim, inside a fetchUserProfile-shaped
// script, on runtime (Options.Runtime: what the HTTP agent adds differs).
func shimRow(t *testing.T, row confRow, runtime string) string {
	rowJS, err := os.ReadFile("testdata/conformance/row.js")
	require.NoError(t, err)
	b, err := json.Marshal(row)
	require.NoError(t, err)
	src := "function(token, tokenSecret, ctx, cb) {\n  var runRow = " + strings.TrimSpace(string(rowJS)) +
		";\n  runRow(require('oauth'), " + string(b) + ", function(res) { cb(null, res); });\n}"
	p, err := Compile("conformance.js", src)
	require.NoError(t, err)
	var bases []string
	res := p.Run(context.Background(), Options{
		Ctx:          Context{RequestTokenURL: "http://127.0.0.1/"},
		AllowedHosts: []string{"127.0.0.1"},
		Timeout:      5 * time.Second,
		Runtime:      runtime,
		hooks: &testHooks{
			nonce:     func() string { return row.Nonce },
			timestamp: func() int64 { return row.Timestamp },
			onBase:    func(b string) { bases = append(bases, b) },
		},
	})
	require.Equal(t, KindProfile, res.Outcome, "shim row %s: %+v", row.Name, res.Error)
	var m map[string]any
	require.NoError(t, json.Unmarshal(res.Profile, &m))
	if bases == nil {
		bases = []string{}
	}
	m["bases"] = bases
	out, err := json.Marshal(m)
	require.NoError(t, err)
	return string(out)
}

const (
	factsNonce     = "Pz7lPXjLyEwf8x3Q1OK3CPcatYd8IFfR"
	factsTimestamp = 1795903855
)

func signRows() []confRow {
	key := string(bridge.TestPrivateKeyPEM)
	base := confRow{Call: "authHeader", ConsumerKey: "my-consumer-key", Secret: key, Version: "1.0", AuthorizeCallback: nil,
		SignatureMethod: "RSA-SHA1", Method: "GET", Token: "tok en+1", TokenSecret: "tsecret",
		Nonce: factsNonce, Timestamp: factsTimestamp}
	row := func(name string, f func(r *confRow)) confRow {
		r := base
		r.Name = name
		f(&r)
		return r
	}
	return []confRow{
		row("facts capture", func(r *confRow) { r.URL = "http://127.0.0.1:18080/rest/auth/1/session?x=a%20b" }),
		row("query encodings", func(r *confRow) {
			r.URL = "http://jira.example.com/rest?q=a+b&r=%2B&s=caf%C3%A9&t=!'()*&u=%zz&v=&w=%7E~"
		}),
		row("repeated key", func(r *confRow) { r.URL = "http://jira.example.com/x?a=2&a=1&b=x&a=0" }),
		row("port 80 dropped", func(r *confRow) { r.URL = "http://jira.example.com:80/p" }),
		row("port 443 dropped", func(r *confRow) { r.URL = "https://jira.example.com:443/p" }),
		row("https port 80 kept", func(r *confRow) { r.URL = "https://jira.example.com:80/p" }),
		row("other port kept", func(r *confRow) { r.URL = "https://jira.example.com:8443/p" }),
		row("upper-case host and scheme", func(r *confRow) { r.URL = "HTTP://JIRA.Example.COM:8080/Path/To?K=V" }),
		row("empty values", func(r *confRow) { r.URL = "http://jira.example.com/p?a=&b&=c&&d" }),
		row("spaces", func(r *confRow) { r.URL = "http://jira.example.com/a b/c?x=y z&s=1+2" }),
		row("unicode", func(r *confRow) { r.URL = "http://jira.example.com/ü/p?name=Łukasz&e=😀" }),
		row("sub-delims", func(r *confRow) { r.URL = "http://jira.example.com/p!'()*?v=!'()*&k*=x" }),
		row("no path", func(r *confRow) { r.URL = "http://jira.example.com" }),
		row("fragment and trailing ?", func(r *confRow) { r.URL = "http://jira.example.com/p?#frag" }),
		row("dot segments kept", func(r *confRow) { r.URL = "http://jira.example.com/a/../b/./c" }),
		row("no token", func(r *confRow) { r.Token = ""; r.URL = "http://jira.example.com/p" }),
		row("version null", func(r *confRow) { r.Version = nil; r.URL = "http://jira.example.com/p" }),
		row("POST method", func(r *confRow) { r.Method = "POST"; r.URL = "http://jira.example.com/p?x=1" }),
		row("lower-case method", func(r *confRow) { r.Method = "post"; r.URL = "http://jira.example.com/p" }),
		row("query overrides oauth param", func(r *confRow) { r.URL = "http://jira.example.com/p?oauth_version=2.0" }),
		row("signUrl", func(r *confRow) { r.Call = "signUrl"; r.URL = "http://Jira.example.com:8080/p?x=a%20b&y=1" }),
		row("prepare with extra params", func(r *confRow) {
			r.Call = "prepare"
			r.Method = "POST"
			r.URL = "http://jira.example.com/p?z=1"
			r.Extra = map[string]any{"b": "2", "a": []any{"y", "x"}, "oauth_callback": "http://cb/?a=b", "sp ace": "v w", "n": 0, "z": "extra"}
		}),
		row("HMAC-SHA1", func(r *confRow) {
			r.SignatureMethod, r.Secret, r.URL = "HMAC-SHA1", "cons&sec ret", "http://jira.example.com/p?a=1"
		}),
		row("HMAC-SHA256", func(r *confRow) {
			r.SignatureMethod, r.Secret, r.URL = "HMAC-SHA256", "cons-secret", "http://jira.example.com/p?a=1"
		}),
		row("PLAINTEXT", func(r *confRow) {
			r.SignatureMethod, r.Secret, r.TokenSecret, r.URL = "PLAINTEXT", "c s", "t!s", "http://jira.example.com/p"
		}),
		row("bad key throws", func(r *confRow) { r.Secret, r.URL = "garbage", "http://jira.example.com/p" }),
		row("empty key throws", func(r *confRow) { r.Secret, r.URL = "", "http://jira.example.com/p" }),
		row("unsupported method throws", func(r *confRow) { r.SignatureMethod, r.URL = "RSA-SHA256", "http://jira.example.com/p" }),
	}
}

func TestConformanceSigning(t *testing.T) {
	testenv.ForEachNode(t, func(t *testing.T, rt testenv.Runtime) {
		node := startNode(t, rt)
		for _, row := range signRows() {
			t.Run(row.Name, func(t *testing.T) {
				want := node.run(t, row)
				got := shimRow(t, row, rt.Name)
				assert.JSONEq(t, want, got)
			})
		}
	})
}

func sendRows(srv *captureServer, refused string) []confRow {
	key := string(bridge.TestPrivateKeyPEM)
	base := confRow{Call: "request", ConsumerKey: "auth0-jira", Secret: key, Version: "1.0", AuthorizeCallback: nil,
		SignatureMethod: "RSA-SHA1", Method: "GET", Token: "acc-token", TokenSecret: "acc-secret",
		Body: "", ContentType: "application/json", Nonce: "abcdefghijklmnopqrstuvwxyz012345", Timestamp: 1795903855}
	row := func(name string, f func(r *confRow)) confRow {
		r := base
		r.Name = name
		f(&r)
		return r
	}
	u := srv.base()
	return []confRow{
		row("seed GET 200", func(r *confRow) { r.URL = u + "/s/200?expand=groups&username=fred" }),
		row("204", func(r *confRow) { r.URL = u + "/s/204" }),
		row("302 to 200", func(r *confRow) { r.URL = u + "/s/302" }),
		row("302 not followed", func(r *confRow) {
			r.URL = u + "/s/302"
			r.ClientOptions = map[string]any{"followRedirects": false}
		}),
		row("401", func(r *confRow) { r.URL = u + "/s/401" }),
		row("500", func(r *confRow) { r.URL = u + "/s/500" }),
		row("refused connection", func(r *confRow) { r.URL = refused + "/x" }),
		row("POST extra params, null body", func(r *confRow) {
			r.Method, r.URL, r.Body, r.ContentType = "POST", u+"/s/200?q=1", nil, nil
			r.Extra = map[string]any{"b": "x y", "a": "!'()*", "oauth_verifier": "v123"}
		}),
		row("POST 301 loses oauth extra", func(r *confRow) {
			r.Method, r.URL, r.Body, r.ContentType = "POST", u+"/s/301", nil, nil
			r.Extra = map[string]any{"oauth_verifier": "v123", "keep": "1"}
		}),
		row("post object body", func(r *confRow) {
			r.Call, r.URL, r.Body, r.ContentType = "post", u+"/s/200", map[string]any{"k": "v", "n": 1, "arr": []any{"a", "b"}}, nil
		}),
		row("post string body", func(r *confRow) {
			r.Call, r.URL, r.Body, r.ContentType = "post", u+"/s/200", `{"a":"é"}`, "application/json"
		}),
		row("put string body", func(r *confRow) { r.Call, r.URL, r.Body = "put", u+"/s/200", "data=1" }),
		row("get", func(r *confRow) { r.Call, r.URL = "get", u+"/s/200?x=1&x=2" }),
		row("delete", func(r *confRow) { r.Call, r.URL = "delete", u+"/s/500" }),
		row("custom headers", func(r *confRow) {
			r.URL = u + "/s/200"
			r.CustomHeaders = map[string]any{"X-Trace": "1", "host": "jira.example.com", "Accept": "application/json"}
		}),
		row("custom header with CRLF", func(r *confRow) {
			r.URL, r.CustomHeaders = u+"/s/200", map[string]any{"X-A": "a\r\nInjected: 1"}
		}),
		row("custom header name with a space", func(r *confRow) {
			r.URL, r.CustomHeaders = u+"/s/200", map[string]any{"X A": "1"}
		}),
		row("lower-case method sent", func(r *confRow) { r.Method, r.URL = "get", u+"/s/200" }),
		row("method that is not a token", func(r *confRow) { r.Method, r.URL = "GE T", u+"/s/200" }),
		row("path with a space and unicode", func(r *confRow) { r.URL = u + "/s/200/a b/ü?q=x y&r=é" }),
		row("path with a character above U+00FF", func(r *confRow) { r.URL = u + "/s/200?name=Łukasz" }),
		row("path with CRLF", func(r *confRow) { r.URL = u + "/s/200?x=1\r\nX-Injected: 1" }),
		row("path with a tab and quotes", func(r *confRow) { r.URL = u + "/s/200/\t\"'<>^`{|}" }),
		row("content type with CRLF", func(r *confRow) { r.URL, r.ContentType = u+"/s/200", "application/json\r\nX-Injected: 1" }),
		row("custom header null", func(r *confRow) { r.URL, r.CustomHeaders = u+"/s/200", map[string]any{"X-A": nil} }),
		row("custom header number and array", func(r *confRow) {
			r.URL, r.CustomHeaders = u+"/s/200", map[string]any{"X-N": 5, "X-A": []any{"1", "2"}, "X-E": "", "X-Z": []any{}}
		}),
		row("custom header latin1 and unicode", func(r *confRow) {
			r.URL, r.CustomHeaders = u+"/s/200", map[string]any{"X-L": "caf\u00e9"}
		}),
		row("request token oob", func(r *confRow) {
			r.Call, r.RequestURL, r.AuthorizeCallback = "requestToken", u+"/token/request", "__undefined__"
		}),
		row("request token callback url", func(r *confRow) {
			r.Call, r.RequestURL, r.AuthorizeCallback = "requestToken", u+"/token/request", "https://tenant.auth0.com/login/callback"
		}),
		row("request token with extra params", func(r *confRow) {
			r.Call, r.RequestURL, r.AuthorizeCallback = "requestToken", u+"/token/request?x=1", "oob"
			r.Extra = map[string]any{"scope": "a b", "oauth_callback": "http://overwritten"}
		}),
		row("request token GET, no callback", func(r *confRow) {
			r.Call, r.RequestURL, r.AuthorizeCallback = "requestToken", u+"/token/request", ""
			r.ClientOptions = map[string]any{"requestTokenHttpMethod": "GET"}
		}),
		row("access token", func(r *confRow) {
			r.Call, r.AccessURL, r.Token, r.TokenSecret, r.Verifier = "accessToken", u+"/token/access", "rt", "rs", "ver123"
		}),
		row("OAuthEcho request", func(r *confRow) {
			r.Method, r.URL, r.Body, r.ContentType = "POST", u+"/s/200?status=hi", "status=hi", nil
			r.SignatureMethod, r.Secret, r.Version = "HMAC-SHA1", "consumer secret", "1.0A"
			r.EchoRealm, r.EchoVerify = "http://api.example.com/", "https://api.example.com/1/account/verify_credentials.json"
		}),
		row("access token 401", func(r *confRow) {
			r.Call, r.AccessURL, r.Token, r.TokenSecret, r.Verifier = "accessToken", u+"/s/401", "rt", "rs", "ver123"
		}),
	}
}

func TestConformanceRequests(t *testing.T) {
	testenv.ForEachNode(t, func(t *testing.T, rt testenv.Runtime) {
		node := startNode(t, rt)
		srv := newCaptureServer(t)
		closed, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		refused := "http://" + closed.Addr().String()
		closed.Close()
		for _, row := range sendRows(srv, refused) {
			t.Run(row.Name, func(t *testing.T) {
				srv.take()
				want := node.run(t, row)
				wantWire := srv.take()
				got := shimRow(t, row, rt.Name)
				gotWire := srv.take()
				assert.JSONEq(t, want, got)
				require.Equal(t, len(wantWire), len(gotWire), "requests received")
				for i := range wantWire {
					assert.Equal(t, string(wantWire[i]), string(gotWire[i]), "raw request %d", i)
				}
			})
		}
	})
}

// TestFactsCapture reproduces the request captured from real node-oauth in
// docs/node-oauth.md exactly, without node.
func TestFactsCapture(t *testing.T) {
	src := `function(token, tokenSecret, ctx, cb) {
  var OAuth = new require('oauth').OAuth;
  var o = new OAuth(ctx.requestTokenURL, ctx.accessTokenURL, ctx.client_id, ctx.client_secret, '1.0', null, 'RSA-SHA1');
  cb(null, {h: o.authHeader('http://127.0.0.1:18080/rest/auth/1/session?x=a%20b', 'tok en+1', 'tsecret', 'GET')});
}`
	var bases []string
	opts := runOpts("http://127.0.0.1:18080")
	opts.Ctx.ClientID = "my-consumer-key"
	opts.hooks = &testHooks{nonce: func() string { return factsNonce }, timestamp: func() int64 { return factsTimestamp },
		onBase: func(b string) { bases = append(bases, b) }}
	res := run(t, compileJS(t, src), opts)
	require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
	want := "GET&http%3A%2F%2F127.0.0.1%3A18080%2Frest%2Fauth%2F1%2Fsession&oauth_consumer_key%3Dmy-consumer-key%26oauth_nonce%3DPz7lPXjLyEwf8x3Q1OK3CPcatYd8IFfR%26oauth_signature_method%3DRSA-SHA1%26oauth_timestamp%3D1795903855%26oauth_token%3Dtok%2520en%252B1%26oauth_version%3D1.0%26x%3Da%2520b"
	require.Equal(t, []string{want}, bases)
	var p struct{ H string }
	require.NoError(t, json.Unmarshal(res.Profile, &p))
	assert.True(t, strings.HasPrefix(p.H, `OAuth oauth_consumer_key="my-consumer-key",oauth_nonce="Pz7lPXjLyEwf8x3Q1OK3CPcatYd8IFfR",oauth_signature_method="RSA-SHA1",oauth_timestamp="1795903855",oauth_token="tok%20en%2B1",oauth_version="1.0",oauth_signature="`), p.H)
	// The signature value itself cannot be compared with docs/node-oauth.md: that
	// capture ("qU69…%3D%3D", shortened there) was not signed with
	// testdata/keys/test.key, which was generated in this repo and signs
	// this base string as "EQbl…". So the check is its shape (a 2048-bit
	// RSA signature is 256 bytes, base64 ending "==", percent-encoded) and
	// that it verifies with our public key over the captured base string;
	// the signature bytes are compared with real node-oauth, same key, in
	// the conformance rows.
	assert.True(t, strings.HasSuffix(p.H, `%3D%3D"`), p.H)
	_, sig, ok := strings.Cut(p.H, `oauth_signature="`)
	require.True(t, ok, p.H)
	sigB64, err := url.QueryUnescape(strings.TrimSuffix(sig, `"`))
	require.NoError(t, err)
	raw, err := base64.StdEncoding.DecodeString(sigB64)
	require.NoError(t, err)
	block, _ := pem.Decode(bridge.TestPublicKeyPEM)
	require.NotNil(t, block, "bridge.TestPublicKeyPEM is not PEM")
	pub, err := x509.ParsePKIXPublicKey(block.Bytes)
	require.NoError(t, err)
	sum := sha1.Sum([]byte(want))
	assert.NoError(t, rsa.VerifyPKCS1v15(pub.(*rsa.PublicKey), crypto.SHA1, sum[:], raw))
}
