package sandbox

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
)

// lastWordsMax bounds the tail of a worker's stderr the parent keeps.
const lastWordsMax = 4 << 10

// proc is one worker process, seen from the parent.
type proc struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	frames chan *frame // closed when stdout ends
	exited chan struct{}
	stderr *tail

	readErr error // why frames closed; read after frames is closed
	waitErr error // read after exited is closed

	hello  bool
	hashes map[string]bool // scripts the worker has compiled
}

// spawn starts a worker. It does not wait for its hello.
func spawn(argv, env []string) (*proc, error) {
	if len(argv) < 1 {
		return nil, errors.New("sandbox: no worker command")
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Args = argv[1:]
	if len(cmd.Args) == 0 {
		cmd.Args = []string{argv[0]}
	}
	cmd.Env = env
	setDeathSignal(cmd)
	p := &proc{cmd: cmd, frames: make(chan *frame, 64), exited: make(chan struct{}),
		stderr: &tail{max: lastWordsMax}, hashes: map[string]bool{}}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("sandbox: starting a worker: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("sandbox: starting a worker: %w", err)
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, fmt.Errorf("sandbox: starting a worker: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("sandbox: starting a worker (%s): %w", argv[0], err)
	}
	p.stdin = stdin
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		_, _ = io.Copy(p.stderr, stderr)
	}()
	go func() {
		defer wg.Done()
		defer close(p.frames)
		for {
			f, err := readFrame(stdout)
			if err != nil {
				if !errors.Is(err, io.EOF) {
					p.readErr = err
					p.kill() // a worker that breaks the protocol is not trusted further
				}
				_, _ = io.Copy(io.Discard, stdout)
				return
			}
			p.frames <- f
		}
	}()
	go func() {
		wg.Wait()
		p.waitErr = cmd.Wait()
		close(p.exited)
	}()
	return p, nil
}

// kill ends the worker at once; it is safe to call more than once.
func (p *proc) kill() {
	if p.cmd.Process != nil {
		_ = p.cmd.Process.Kill()
	}
}

func (p *proc) dead() bool {
	select {
	case <-p.exited:
		return true
	default:
		return false
	}
}

// lastWords is what the worker said on stderr before it died: a Go panic's
// first lines when there is one (the goroutine dump after them names only the
// bridge's internals), else the bounded tail.
func (p *proc) lastWords() string {
	s := strings.TrimSpace(p.stderr.String())
	for _, mark := range []string{"panic: ", "fatal error: ", "runtime: "} {
		if i := strings.Index(s, mark); i >= 0 {
			s = s[i:]
			if j := strings.Index(s, "\ngoroutine "); j >= 0 {
				s = s[:j]
			}
			return strings.TrimSpace(s)
		}
	}
	return s
}

// tail keeps the last max bytes written to it.
type tail struct {
	mu  sync.Mutex
	max int
	buf []byte
	cut bool
}

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if len(t.buf) > t.max {
		t.buf = append(t.buf[:0], t.buf[len(t.buf)-t.max:]...)
		t.cut = true
	}
	return len(p), nil
}

func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.cut {
		return "…" + string(t.buf)
	}
	return string(t.buf)
}

// exitCode is the worker's exit status, -1 when it was killed by a signal.
func (p *proc) exitCode() int {
	var ee *exec.ExitError
	if errors.As(p.waitErr, &ee) {
		return ee.ExitCode()
	}
	if p.waitErr == nil {
		return 0
	}
	return -1
}

// defaultArgv runs the current executable as a worker: the path, then argv
// from argv[0] on; argv[0] is "bridge" so that a test harness dispatching on
// the program name (testscript) runs the bridge.
func defaultArgv() ([]string, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("sandbox: finding the bridge binary to run workers: %w", err)
	}
	return []string{exe, "bridge", WorkerCommand}, nil
}
