package script

import (
	"net/http"
	"time"
)

// Defaults of Options.
const (
	DefaultTimeout   = 20 * time.Second // the webtask limit, about 20 s (docs/auth0.md "The sandbox")
	DefaultMaxMemory = 256 << 20        // 256 MiB

	// afterCallbackGrace is how long a run keeps going after the first cb
	// while work is still pending, so that a second cb is caught.
	afterCallbackGrace = time.Second
	// maxCallStackSize turns runaway recursion into a stack overflow.
	maxCallStackSize = 4096
)

// Options configure one Run.
type Options struct {
	Token, TokenSecret string
	Ctx                Context
	AllowedHosts       []string // host[:port] the script may reach; empty = hosts of Ctx URLs
	// HostMap sends requests for a host (lower case, any port) to another
	// origin, e.g. api.atlassian.com to the mock JIRA (MapHosts). The policy
	// is checked on the host the script asked for; Result.Requests shows both.
	HostMap    map[string]string
	Timeout    time.Duration // 0 = 20s
	MaxMemory  int64         // bytes; 0 = 256 MiB
	HTTPClient *http.Client  // nil = a shared keep-alive client
	Secrets    []string      // more values to redact (ClientSecret and TokenSecret always are)
	// OnConsole, if set, sees each console line as the script prints it,
	// redacted, on the run's goroutine (console_stream.go).
	OnConsole func(ConsoleLine)

	// Protocol is the calling convention: ProtocolOAuth1 ("" too) calls
	// fn(token, tokenSecret, ctx, cb); ProtocolOAuth2 calls fn(accessToken,
	// ctx, cb) with Token as the access token (protocol.go).
	Protocol string

	// Runtime selects the runtime profile, the set of Node globals and
	// modules the sandbox offers: RuntimeNode22 ("" too) or RuntimeNode18
	// (runtime.go); any other value fails the run.
	Runtime string

	// hooks lets tests fix what node-oauth leaves to chance.
	hooks *testHooks
}

// testHooks are the Go equivalents of monkeypatching _getNonce and
// _getTimestamp in Node (the conformance tests use them).
type testHooks struct {
	nonce     func() string
	timestamp func() int64
	onBase    func(string) // sees every signature base string
}
