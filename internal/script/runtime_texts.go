package script

import "github.com/jira-auth0-bridge/bridge/internal/v8"

// v8Runtime is the Node of Options.Runtime whose V8 texts the run produces
// (internal/v8 Runtime): node18, or node22 for any other name.
func (h *host) v8Runtime() v8.Runtime { return v8.RuntimeOf(h.opts.Runtime) }

// agentConnection is the Connection header Node's http module adds to a
// request that sets none: "close" on Node 18, whose global agent does not
// keep connections alive, and "keep-alive" from Node 19 on, whose global
// agent does (nodejs/node#43522, "Use Keep-Alive by default in global agents
// and close idle connections in server", Node 19.0.0; docs/node-runtime.md
// "V8 messages and the agent"). request@2.88.2 and node-oauth's GETs go
// through the global agent, so what they send depends on the runtime.
func (h *host) agentConnection() string {
	if h.v8Runtime() == v8.Node18 {
		return "close"
	}
	return "keep-alive"
}
