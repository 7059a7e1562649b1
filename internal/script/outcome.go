package script

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Kind names how a run ended. The names are the product's public vocabulary:
// reports, --json output and case expectations all use them.
type Kind string

// The outcome kinds of a run.
const (
	KindProfile        Kind = "profile"         // cb(null, profile)
	KindCallback       Kind = "callback"        // cb(err)
	KindException      Kind = "exception"       // a throw, sync or in an async callback; a stack overflow
	KindTimeout        Kind = "timeout"         // no cb within the time limit
	KindDoubleCallback Kind = "double_callback" // cb called a second time
	KindMemory         Kind = "memory"          // the heap ceiling was crossed
	KindSyntax         Kind = "syntax"          // the script does not compile
	KindCrash          Kind = "crash"           // the sandbox worker running the script died (internal/sandbox)
)

// Kinds lists every outcome kind, in the order the docs present them.
var Kinds = []Kind{KindProfile, KindCallback, KindException, KindTimeout, KindDoubleCallback, KindMemory, KindSyntax, KindCrash}

// ParseKind returns the Kind named s.
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds {
		if string(k) == s {
			return k, nil
		}
	}
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = string(k)
	}
	return "", fmt.Errorf("script: unknown outcome %q: use one of %s", s, strings.Join(names, ", "))
}

// Result is how one run ended. It is also the `bridge run --json` object and
// each case's core in `bridge test --json`.
type Result struct {
	Outcome  Kind            `json:"outcome"`
	Profile  json.RawMessage `json:"profile,omitempty"` // the object passed to cb(null, profile), as JSON.stringify makes it
	Error    *Error          `json:"error,omitempty"`
	Console  []ConsoleLine   `json:"console"`  // redacted
	Requests []Request       `json:"requests"` // the script's outgoing HTTP requests, in order
	Duration time.Duration   `json:"-"`
}

// OK reports whether the run ended with a profile.
func (r *Result) OK() bool { return r != nil && r.Outcome == KindProfile }

// Error describes every outcome but profile.
type Error struct {
	Kind    Kind   `json:"kind"`
	Message string `json:"message"`
	Stack   string `json:"stack,omitempty"`
	// Value is the raw err passed to cb, as JSON (redacted): node-oauth's
	// {statusCode, data} stays a plain object; an Error shows its name, message
	// and own properties such as code or statusCode.
	Value json.RawMessage `json:"value,omitempty"`
}

func (e *Error) Error() string { return string(e.Kind) + ": " + e.Message }

// ConsoleLine is one console call of the script. Level is log, info, warn,
// error or debug. Text is redacted.
type ConsoleLine struct {
	Level string `json:"level"`
	Text  string `json:"text"`
}

// Request is one HTTP request the script made (one per redirect hop).
type Request struct {
	Method   string        `json:"method"`
	URL      string        `json:"url"`
	MappedTo string        `json:"mapped_to,omitempty"` // where Options.HostMap sent it (scheme://host:port), if it did
	Status   int           `json:"status,omitempty"`
	Error    string        `json:"error,omitempty"`
	Duration time.Duration `json:"-"`
}

func failure(kind Kind, format string, args ...any) *Error {
	return &Error{Kind: kind, Message: fmt.Sprintf(format, args...)}
}

// CompileFailure is the Result of a script that does not compile: outcome
// syntax, with the *SyntaxError's "file:line:col: message" as the message.
func CompileFailure(err error) *Result {
	return &Result{Outcome: KindSyntax, Error: &Error{Kind: KindSyntax, Message: err.Error()},
		Console: []ConsoleLine{}, Requests: []Request{}}
}
