package script

import (
	"context"
	"time"

	"github.com/dop251/goja"

	"github.com/jira-auth0-bridge/bridge/internal/eventloop"
	"github.com/jira-auth0-bridge/bridge/internal/redact"
	"github.com/jira-auth0-bridge/bridge/internal/wire"
)

// host is what the modules and globals of one run share (doc.go "Modules and
// the host"): the runtime, the event loop to register work with, the
// redactor, the run's options and Result, the network and the rejection
// tracker. Its methods are the helpers every module needs: Node's errors,
// V8's texts and stacks, calling back into JS.
type host struct {
	vm   *goja.Runtime
	loop *eventloop.Loop // RegisterCallback before work leaves the JS goroutine
	red  *redact.Redactor
	prog *Program
	opts Options
	ctx  context.Context // canceled when the run ends: aborts HTTP in flight
	res  *Result         // modules append console lines and requests
	net  *netHost
	rej  *rejections

	replacer goja.Value // stringify's identity replacer, made on first use
}

// netHost is the run's network: the policy of which hosts the script may
// reach, the byte-exact client and the requests in flight.
type netHost struct {
	h        *host
	policy   *netPolicy
	wire     *wire.Client
	inflight map[int]time.Time // index in res.Requests -> start
}
