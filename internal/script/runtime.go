package script

import "fmt"

// The runtime profiles of Options.Runtime: which Auth0 extensibility runtime
// the sandbox stands in for (docs/auth0.md "Runtimes"). Auth0 runs custom
// social connection scripts on Node 22 (recommended, GA January 2025) or
// Node 18 (deprecated but selectable); Node 12 and 16 are retired.
const (
	// RuntimeNode22 is Auth0's recommended runtime, and the default.
	RuntimeNode22 = "node22"
	// RuntimeNode18 is the deprecated runtime tenants may still select. It
	// differs from node22 here only in the globals Node 18 lacks: the Web
	// Crypto crypto global (Node 18 has it only behind
	// --experimental-global-webcrypto; Node 19 made it global).
	RuntimeNode18 = "node18"
	// RuntimeDefault ("") means RuntimeNode22.
	RuntimeDefault = ""
)

// Runtimes are the profiles Options.Runtime accepts, the default first.
var Runtimes = []string{RuntimeNode22, RuntimeNode18}

// runtimeProfile resolves Options.Runtime: "" is RuntimeNode22.
func runtimeProfile(rt string) string {
	if rt == RuntimeDefault {
		return RuntimeNode22
	}
	return rt
}

// runtimeError says why Options.Runtime cannot be used, or nil.
func runtimeError(rt string) *Error {
	switch rt {
	case RuntimeDefault, RuntimeNode22, RuntimeNode18:
		return nil
	}
	return &Error{Kind: KindException, Message: fmt.Sprintf(
		"bridge: unknown runtime %q: use %q (Auth0's recommended Node 22) or %q (the deprecated Node 18)",
		rt, RuntimeNode22, RuntimeNode18)}
}
