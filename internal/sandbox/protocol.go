package sandbox

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// ProtocolVersion is the version a worker announces in its hello frame.
const ProtocolVersion = 2

// maxFrame bounds one frame in either direction. A result holds at most
// maxProfile of profile, maxConsoleTotal of console and bounded logs and
// messages (bounds.go), well under it.
const maxFrame = 8 << 20

// Frame types.
const (
	frameHello  = "hello"
	frameRun    = "run"
	frameStart  = "start"
	frameReq    = "req"
	frameResult = "result"
	frameStuck  = "stuck"
	frameOut    = "console"
)

// frame is one message of the protocol (doc.go).
type frame struct {
	Type    string       `json:"type"`
	Version int          `json:"v,omitempty"`
	PID     int          `json:"pid,omitempty"`
	Run     *runFrame    `json:"run,omitempty"`
	Start   uint64       `json:"start,omitempty"` // the run that starts now`
	Req     *reqEvent    `json:"req,omitempty"`
	Stuck   uint64       `json:"stuck,omitempty"` // the run still going StuckGrace past its time limit
	Console *consoleLine `json:"console,omitempty"`
	Result  *resultFrame `json:"result,omitempty"`
}

// runFrame asks the worker to run one case.
type runFrame struct {
	ID       uint64 `json:"id"`
	Hash     string `json:"hash"`
	Filename string `json:"filename"`
	Source   string `json:"source,omitempty"` // only when the worker does not have Hash yet

	Token        string            `json:"token"`
	TokenSecret  string            `json:"token_secret"`
	Ctx          script.Context    `json:"ctx"`
	AllowedHosts []string          `json:"allowed_hosts,omitempty"`
	HostMap      map[string]string `json:"host_map,omitempty"`
	Protocol     string            `json:"protocol,omitempty"`
	Timeout      time.Duration     `json:"timeout"`
	MaxMemory    int64             `json:"max_memory"`
	Secrets      []string          `json:"secrets,omitempty"`
	Runtime      string            `json:"runtime,omitempty"` // script.Options.Runtime
}

// reqEvent is a request starting or ending on the worker's connections.
type reqEvent struct {
	ID     uint64 `json:"id"` // the run
	N      int    `json:"n"`  // the request, from 0 within the run
	Phase  string `json:"phase"`
	Method string `json:"method,omitempty"`
	URL    string `json:"url,omitempty"`
	Status int    `json:"status,omitempty"`
	Error  string `json:"error,omitempty"`
	// Late marks an end at or past the run's time limit: the worker
	// closes its connections then, and the request was still pending at
	// the limit. The parent's clock cannot tell: its limit starts when the
	// start frame arrives, a moment after the worker's.
	Late bool `json:"late,omitempty"`
}

// consoleLine is one console line of a run, sent as the script prints it.
type consoleLine struct {
	ID uint64 `json:"id"` // the run
	script.ConsoleLine
}

// resultFrame is how a run ended. Its console is empty: the lines came
// before it, one frame each. Durations travel apart because
// script.Result leaves them out of its JSON.
type resultFrame struct {
	ID          uint64          `json:"id"`
	Result      *script.Result  `json:"result"`
	Duration    time.Duration   `json:"duration"`
	ReqDuration []time.Duration `json:"req_durations"`
}

// writeFrame writes f as one length-prefixed frame. HTML is not escaped:
// json.Marshal would rewrite a profile's "&" as "\u0026" on its way through
// (json.RawMessage is re-encoded), and the parent prints the profile's bytes.
func writeFrame(w io.Writer, f *frame) error {
	var buf bytes.Buffer
	buf.Write([]byte{0, 0, 0, 0})
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		return fmt.Errorf("sandbox: encoding a %s frame: %w", f.Type, err)
	}
	n := buf.Len() - 4
	if n > maxFrame {
		return fmt.Errorf("sandbox: a %s frame of %d bytes is over the %d-byte limit", f.Type, n, maxFrame)
	}
	b := buf.Bytes()
	binary.BigEndian.PutUint32(b, uint32(n))
	_, err := w.Write(b)
	return err
}

// readFrame reads one frame, refusing one longer than maxFrame before reading
// its body: a peer never makes the reader hold more than that.
func readFrame(r io.Reader) (*frame, error) {
	var hdr [4]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return nil, err
	}
	n := binary.BigEndian.Uint32(hdr[:])
	if n > maxFrame {
		return nil, fmt.Errorf("sandbox: the peer announced a frame of %d bytes, over the %d-byte limit", n, maxFrame)
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(r, body); err != nil {
		return nil, fmt.Errorf("sandbox: a frame cut short: %w", err)
	}
	f := &frame{}
	if err := json.Unmarshal(body, f); err != nil {
		return nil, fmt.Errorf("sandbox: a frame that is not JSON: %w", err)
	}
	return f, nil
}
