package v8

// Runtime is the Node whose V8 texts are produced: the runtimes Auth0 lets a
// tenant select (docs/auth0.md "Runtimes"). Node 22 ships V8 12.4, Node 18
// V8 10.2; their messages differ where V8 rewrote them in between
// (JSON.parse, docs/node-runtime.md "V8 messages and the agent").
type Runtime int

const (
	// Node22 is Auth0's recommended runtime, the default.
	Node22 Runtime = iota
	// Node18 is Auth0's deprecated runtime, still selectable.
	Node18
)

// RuntimeOf maps a runtime name ("node22", "node18") to its Runtime; any
// other name, the empty one included, is Node22, the default.
func RuntimeOf(name string) Runtime {
	if name == "node18" {
		return Node18
	}
	return Node22
}
