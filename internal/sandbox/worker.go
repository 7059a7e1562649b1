package sandbox

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	bridge "github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/devprof"
	"github.com/jira-auth0-bridge/bridge/internal/redact"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// WorkerCommand is the hidden subcommand of the bridge binary that serves as
// a sandbox worker; WorkerEnv is set in a worker's environment, so that a
// test binary, re-executed as a worker, knows to call ServeWorker.
const (
	WorkerCommand = "__sandbox-worker"
	WorkerEnv     = "BRIDGE_SANDBOX_WORKER"
)

// maxStack bounds a worker goroutine's stack: a native recursion (a deep
// structure in JSON.stringify) ends as a crash of this worker instead of
// growing towards Go's 1 GB default.
const maxStack = 128 << 20

// worker is the state of one worker process.
type worker struct {
	outMu sync.Mutex
	out   io.Writer
	progs map[string]*script.Program // by hash; a parent runs one or two scripts
	cur   atomic.Pointer[runState]   // the run in progress, for request events
	mem   *heapWatch
	http  *http.Client // tracks the script's connections (conntrack.go)
	hooks *workerHooks
}

// workerHooks let the package tests make a worker misbehave on purpose.
type workerHooks struct {
	beforeRun func(*runFrame)
	onConsole func(script.ConsoleLine) // after the line is sent
}

// runState is what request events of a run need.
type runState struct {
	id       uint64
	deadline time.Time // the run's time limit, by the worker's clock
	red      *redact.Redactor
	seq      atomic.Int64
}

// ServeWorker serves the protocol (doc.go) on in and out until in closes,
// then exits the process. It does not return: nothing of the caller's may run
// after a worker's last frame.
func ServeWorker(in io.Reader, out io.Writer) {
	tuneRuntime()
	stop := devprof.Start("worker")
	code := serve(in, out, nil)
	stop()
	os.Exit(code)
}

// ServeIfWorker serves as a sandbox worker, and does not return, when this
// process was started as one (WorkerEnv is "1"). A package's TestMain calls
// it first, so that its tests need no built bridge binary: the test binary
// is re-executed as the worker.
func ServeIfWorker() {
	if os.Getenv(WorkerEnv) == "1" {
		ServeWorker(os.Stdin, os.Stdout)
	}
}

func serve(in io.Reader, out io.Writer, hooks *workerHooks) int {
	// Auth0's sandbox is assumed to run in UTC (cmd/bridge main.go).
	time.Local = time.UTC
	debug.SetMaxStack(maxStack)
	// The parent handles Ctrl-C by killing its workers; a terminal's SIGINT
	// reaches the whole process group, and a worker dying of it first would
	// read as a crash.
	signal.Ignore(os.Interrupt)
	w := &worker{out: out, progs: map[string]*script.Program{}, hooks: hooks, mem: newHeapWatch()}
	w.http = &http.Client{Transport: &http.Transport{DialContext: w.dial}}
	// Warm up before hello: the parent sends no case before hello, so a
	// case's clock never runs while the worker warms up.
	warmUp()
	if err := w.send(&frame{Type: frameHello, Version: ProtocolVersion, PID: os.Getpid()}); err != nil {
		return 1
	}
	runs := make(chan *runFrame, 1)
	go func() {
		defer close(runs)
		for {
			f, err := readFrame(in)
			if err != nil {
				return
			}
			if f.Type == frameRun && f.Run != nil {
				runs <- f.Run
			}
		}
	}()
	go w.mem.watch()
	for rf := range runs {
		if err := w.run(rf); err != nil {
			fmt.Fprintln(os.Stderr, "bridge sandbox worker:", err)
			return 1
		}
	}
	return 0
}

func (w *worker) send(f *frame) error {
	w.outMu.Lock()
	defer w.outMu.Unlock()
	return writeFrame(w.out, f)
}

// program returns the compiled script of rf, compiling it the first time.
func (w *worker) program(rf *runFrame) (*script.Program, error) {
	if p, ok := w.progs[rf.Hash]; ok {
		return p, nil
	}
	if rf.Source == "" {
		return nil, fmt.Errorf("the parent sent script %s without its source", rf.Hash)
	}
	p, err := script.Compile(rf.Filename, rf.Source)
	if err != nil {
		return nil, err
	}
	w.progs[rf.Hash] = p
	return p, nil
}

// run runs one case and sends its result.
func (w *worker) run(rf *runFrame) error {
	if w.hooks != nil && w.hooks.beforeRun != nil {
		w.hooks.beforeRun(rf)
	}
	start := time.Now()
	var res *script.Result
	prog, err := w.program(rf)
	if se, ok := err.(*script.SyntaxError); ok {
		res = script.CompileFailure(se)
	} else if err != nil {
		return err
	} else {
		rs := &runState{id: rf.ID, red: redact.Memo(append([]string{rf.Ctx.ClientSecret, rf.TokenSecret}, rf.Secrets...)...),
			deadline: time.Now().Add(rf.Timeout)} // no later than the run's own (it starts below)
		w.cur.Store(rs)
		w.mem.arm(rf.MaxMemory)
		// The parent's clock for the case starts here, after the compile.
		if err := w.send(&frame{Type: frameStart, Start: rf.ID}); err != nil {
			return err
		}
		stuck := w.watchStuck(rf)
		defer close(stuck)
		var bound consoleBound
		res = prog.Run(context.Background(), script.Options{
			Token: rf.Token, TokenSecret: rf.TokenSecret, Ctx: rf.Ctx, AllowedHosts: rf.AllowedHosts,
			HostMap: rf.HostMap, Protocol: rf.Protocol, Timeout: rf.Timeout, MaxMemory: rf.MaxMemory, Secrets: rf.Secrets, HTTPClient: w.http,
			Runtime: rf.Runtime,
			// Each line goes to the parent as it is printed, so that a run
			// killed later still shows what it printed.
			OnConsole: func(l script.ConsoleLine) {
				if !bound.admit(&l) {
					l.Text = "" // past the case's bound: the parent only counts it
				}
				_ = w.send(&frame{Type: frameOut, Console: &consoleLine{ID: rf.ID, ConsoleLine: l}})
				if w.hooks != nil && w.hooks.onConsole != nil {
					w.hooks.onConsole(l)
				}
			},
		})
		res.Console = nil // sent already
		w.mem.disarm()
		w.cur.Store(nil)
	}
	// Bounding and encoding the result count against the case's time and
	// memory: the parent's clock and the heap watch run until it is sent.
	boundResult(res)
	rf2 := &resultFrame{ID: rf.ID, Result: res, Duration: time.Since(start)}
	for _, q := range res.Requests {
		rf2.ReqDuration = append(rf2.ReqDuration, q.Duration)
	}
	return w.send(&frame{Type: frameResult, Result: rf2})
}

// watchStuck tells the parent when the run is still going StuckGrace past its
// time limit: the runtime checks its interrupt only between instructions,
// so the script is inside a native call the worker cannot stop. Closing the
// returned channel (once the result is sent) ends the watch.
func (w *worker) watchStuck(rf *runFrame) chan struct{} {
	done := make(chan struct{})
	go func() {
		t := time.NewTimer(rf.Timeout + StuckGrace)
		defer t.Stop()
		select {
		case <-t.C:
			_ = w.send(&frame{Type: frameStuck, Stuck: rf.ID})
		case <-done:
		}
	}()
	return done
}

// dial is the worker's dialer: every connection reports the requests it
// carries (conntrack.go).
func (w *worker) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	// No TCP keep-alive probes: node-oauth asks "Connection: close", each
	// connection carries one request, and the probes' four setsockopt
	// calls per dial were a measurable share of a worker's system time.
	d := net.Dialer{Timeout: 30 * time.Second, KeepAlive: -1}
	c, err := d.DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	return &trackedConn{Conn: c, w: w, addr: addr}, nil
}

// event sends a request event; a failed write means the parent is gone, and
// the reader's EOF ends the worker.
func (w *worker) event(ev *reqEvent) { _ = w.send(&frame{Type: frameReq, Req: ev}) }

// warmJS touches what a fetchUserProfile script uses (the oauth and request
// shims, an RSA-SHA1 signature with the shipped test key, crypto, JSON),
// without the network. The first RSA signature of a process is slow (the
// crypto module's self-tests and key checks), and each worker is a process.
const warmJS = `function(token, tokenSecret, ctx, cb) {
	var OAuth = require('oauth').OAuth, request = require('request'), crypto = require('crypto');
	var o = new OAuth('http://127.0.0.1/r', 'http://127.0.0.1/a', 'k', ctx.client_secret, '1.0', null, 'RSA-SHA1');
	var u = o.signUrl('http://127.0.0.1/rest/api/2/myself', 'tok', 'sec', 'GET');
	var h = crypto.createHash('sha1').update(JSON.stringify({a: [1, u]})).digest('hex');
	setTimeout(function() { cb(null, JSON.parse(JSON.stringify({user_id: h, o: typeof o.get, r: typeof request.get}))); }, 0);
}`

// warmUp runs warmJS once as the worker starts, so that its first case does
// not pay for a cold heap and cold code paths.
func warmUp() {
	p, err := script.Compile("bridge-warm-up.js", warmJS)
	if err != nil {
		return
	}
	res := p.Run(context.Background(), script.Options{Timeout: 5 * time.Second,
		Ctx: script.Context{ClientSecret: string(bridge.TestPrivateKeyPEM)}})
	if !res.OK() && os.Getenv(WorkerEnv+"_DEBUG") != "" {
		fmt.Fprintln(os.Stderr, "bridge sandbox worker: warm-up:", res.Error)
	}
}
