package sandbox

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"github.com/jira-auth0-bridge/bridge/internal/devprof"
	"os"
	"sync"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// Defaults of Config.
const (
	// KillGrace is how long past a case's time limit the parent waits for the
	// worker's own timeout result before it kills the worker.
	KillGrace = 700 * time.Millisecond
	// StuckGrace is how long past a case's time limit the worker waits for
	// its runtime to stop before it tells the parent the script is stuck in
	// a call that cannot be interrupted; the parent then kills it at once,
	// so that a native hang ends soon after the limit. A runtime that
	// honours its interrupt ends within milliseconds of the limit.
	StuckGrace = 250 * time.Millisecond
	// startWait bounds the time from sending a case to the worker's start
	// frame: the compile of a script of at most 1 MiB.
	startWait = 10 * time.Second
	// RSSSlack is how far a worker's resident set may exceed the memory
	// ceiling: the Go runtime, goja and the bridge take about 20 MiB before a
	// script allocates anything.
	RSSSlack = 48 << 20
	// helloWait bounds a worker's start-up.
	helloWait = 30 * time.Second
	// rssPoll is how often the parent reads a busy worker's resident set.
	rssPoll = 20 * time.Millisecond
)

// Config configures a Pool.
type Config struct {
	Workers int // processes, at least 1
	// Command runs a worker: the executable's path, then its argv (argv[0]
	// included). Nil: this executable as "bridge __sandbox-worker".
	Command []string
	Env     []string // nil: this process's environment; WorkerEnv=1 is added
}

// Pool runs scripts on a pool of worker processes, one case per worker at a
// time. It is safe for concurrent use; Run blocks until a worker is free.
type Pool struct {
	argv, env []string
	free      chan *slot
	mu        sync.Mutex
	slots     []*slot
	nextID    uint64
	closed    bool
}

// slot holds one worker process; a killed worker's slot gets a new one.
type slot struct{ p *proc }

// NewPool starts cfg.Workers workers at once, so that their start-up is off
// the first case's path.
func NewPool(cfg Config) (*Pool, error) {
	if os.Getenv(WorkerEnv) == "1" {
		// This process was started as a worker but did not serve (a test
		// binary without the TestMain hook): starting workers of its own
		// would recurse.
		return nil, fmt.Errorf("sandbox: this process was started as a sandbox worker (%s=1) and did not call sandbox.ServeWorker: a test binary needs a TestMain that does", WorkerEnv)
	}
	argv := cfg.Command
	if argv == nil {
		var err error
		if argv, err = defaultArgv(); err != nil {
			return nil, err
		}
	}
	env := cfg.Env
	if env == nil {
		env = os.Environ()
	}
	env = append(env[:len(env):len(env)], WorkerEnv+"=1")
	n := max(1, cfg.Workers)
	pl := &Pool{argv: argv, env: env, free: make(chan *slot, n)}
	for range n {
		p, err := spawn(argv, env)
		if err != nil {
			pl.Close()
			return nil, err
		}
		s := &slot{p: p}
		pl.slots = append(pl.slots, s)
		pl.free <- s
	}
	return pl, nil
}

// Close kills every worker. Runs in progress end as canceled.
func (pl *Pool) Close() {
	pl.mu.Lock()
	pl.closed = true
	slots := pl.slots
	pl.mu.Unlock()
	for _, s := range slots {
		if p := s.load(pl); p != nil {
			if devprof.Enabled() { // let the worker write its profile
				_ = p.stdin.Close()
				select {
				case <-p.exited:
				case <-time.After(2 * time.Second):
				}
			}
			p.kill()
			_ = p.stdin.Close()
		}
	}
}

func (s *slot) load(pl *Pool) *proc {
	pl.mu.Lock()
	defer pl.mu.Unlock()
	return s.p
}

// hashOf names a script for the workers' compile cache.
func hashOf(filename, source string) string {
	h := sha256.New()
	h.Write([]byte(filename))
	h.Write([]byte{0})
	h.Write([]byte(source))
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Run runs prog once in a worker, as prog.Run(ctx, opts) would in process,
// and returns how it ended; it never returns nil. opts.HTTPClient is not used:
// the worker connects itself. When ctx ends, the worker is killed and the
// result is a timeout saying the run was canceled.
func (pl *Pool) Run(ctx context.Context, prog *script.Program, opts script.Options) *script.Result {
	if opts.Timeout <= 0 {
		opts.Timeout = script.DefaultTimeout
	}
	if opts.MaxMemory <= 0 {
		opts.MaxMemory = script.DefaultMaxMemory
	}
	var s *slot
	select {
	case s = <-pl.free:
	case <-ctx.Done():
		return canceled(ctx, nil)
	}
	defer func() { pl.free <- s }()
	p, err := pl.worker(s)
	if err != nil {
		return crashed(err.Error(), nil)
	}
	pl.mu.Lock()
	pl.nextID++
	id := pl.nextID
	pl.mu.Unlock()
	rf := &runFrame{ID: id, Hash: hashOf(prog.Filename(), prog.Source()), Filename: prog.Filename(),
		Token: opts.Token, TokenSecret: opts.TokenSecret, Ctx: opts.Ctx, AllowedHosts: opts.AllowedHosts,
		HostMap: opts.HostMap, Protocol: opts.Protocol, Timeout: opts.Timeout, MaxMemory: opts.MaxMemory, Secrets: opts.Secrets, Runtime: opts.Runtime}
	if !p.hashes[rf.Hash] {
		rf.Source = prog.Source()
	}
	c := &call{pl: pl, s: s, p: p, rf: rf, opts: opts}
	return c.run(ctx)
}

// worker returns the slot's live worker, starting a new one if it died.
func (pl *Pool) worker(s *slot) (*proc, error) {
	pl.mu.Lock()
	defer pl.mu.Unlock()
	if pl.closed {
		return nil, errors.New("the sandbox pool is closed")
	}
	if s.p == nil || s.p.dead() {
		p, err := spawn(pl.argv, pl.env)
		if err != nil {
			return nil, err
		}
		s.p = p
	}
	return s.p, nil
}

// replace kills the slot's worker and starts the next one now, so that its
// start-up overlaps whatever the parent does next.
func (pl *Pool) replace(s *slot, p *proc) {
	p.kill()
	_ = p.stdin.Close()
	pl.mu.Lock()
	defer pl.mu.Unlock()
	if pl.closed || s.p != p {
		return
	}
	s.p = nil
	if np, err := spawn(pl.argv, pl.env); err == nil {
		s.p = np
	}
}

// awaitHello reads the worker's hello frame once.
func (p *proc) awaitHello(ctx context.Context) error {
	if p.hello {
		return nil
	}
	t := time.NewTimer(helloWait)
	defer t.Stop()
	select {
	case f, ok := <-p.frames:
		if !ok {
			<-p.exited
			return fmt.Errorf("the sandbox worker exited before it was ready (%v): %s", p.waitErr, p.lastWords())
		}
		if f.Type != frameHello || f.Version != ProtocolVersion {
			p.kill()
			return fmt.Errorf("the sandbox worker speaks protocol %q v%d, not v%d: is it the same bridge binary?", f.Type, f.Version, ProtocolVersion)
		}
		p.hello = true
		return nil
	case <-t.C:
		p.kill()
		return fmt.Errorf("the sandbox worker did not start within %s", helloWait)
	case <-ctx.Done():
		return ctx.Err()
	}
}
