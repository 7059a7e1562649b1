package script

import (
	"encoding/base64"
	"regexp"
	"strings"

	"github.com/dop251/goja"
)

// nodeGlobals are the small globals of Node: queueMicrotask, atob, btoa,
// Error.captureStackTrace.
type nodeGlobals struct{ h *host }

// Node globals that goja lacks and that are small enough to provide
// faithfully: queueMicrotask, atob, btoa (lib/buffer.js) and
// Error.captureStackTrace (V8). Buffer, URL, TextEncoder, structuredClone
// and crypto have their own files; Intl, process and the rest of
// nodeOnlyGlobals are absent: a script using one fails with a
// ReferenceError that says so (missingGlobalNote).

// nodeGlobalsJS builds queueMicrotask and Error.captureStackTrace. report
// raises an exception thrown by a microtask as uncaught, as Node does (not
// as a rejected promise).
const nodeGlobalsJS = `(function(report, typeError) {
  var queueMicrotask = function queueMicrotask(callback) {
    if (typeof callback !== 'function') throw typeError(callback);
    Promise.resolve().then(function() { try { callback(); } catch (e) { report(e); } });
  };
  var captureStackTrace = function captureStackTrace(obj, fn) {
    if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) throw new TypeError('Invalid argument');
    var name = obj.name === undefined ? 'Error' : String(obj.name);
    var msg = obj.message === undefined ? '' : String(obj.message);
    var header = name === '' ? msg : msg === '' ? name : name + ': ' + msg;
    var frames = String(new Error().stack).split('\n').slice(2);
    if (typeof fn === 'function' && fn.name) {
      for (var i = 0; i < frames.length; i++) {
        if (frames[i].replace(/^\s+/, '').indexOf('at ' + fn.name + ' ') === 0) { frames = frames.slice(i + 1); break; }
      }
    }
    Object.defineProperty(obj, 'stack', {value: [header].concat(frames).join('\n'), writable: true, configurable: true, enumerable: false});
  };
  return [queueMicrotask, captureStackTrace];
})`

var nodeGlobalsPrg = goja.MustCompile("node:internal/bridge", nodeGlobalsJS, false)

// install provides queueMicrotask, atob, btoa and Error.captureStackTrace.
func (g *nodeGlobals) install() {
	v, err := g.h.vm.RunProgram(nodeGlobalsPrg)
	if err != nil {
		panic(err)
	}
	build, _ := goja.AssertFunction(v)
	report := g.h.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		if g.h.rej.uncaught == nil {
			g.h.rej.uncaught = call.Argument(0)
		}
		return goja.Undefined()
	})
	typeError := g.h.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		return g.h.nodeError("TypeError", `The "callback" argument must be of type function. Received `+describeArg(call.Argument(0)),
			map[string]any{"code": "ERR_INVALID_ARG_TYPE"})
	})
	fns, err := build(goja.Undefined(), report, typeError)
	if err != nil {
		panic(err)
	}
	arr := fns.ToObject(g.h.vm)
	_ = g.h.vm.Set("queueMicrotask", arr.Get("0"))
	_ = g.h.vm.Get("Error").ToObject(g.h.vm).DefineDataProperty("captureStackTrace", arr.Get("1"), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = g.h.vm.Set("atob", g.atob)
	_ = g.h.vm.Set("btoa", g.btoa)
}

// invalidCharacter is Node's DOMException InvalidCharacterError (code 5).
func (g *nodeGlobals) invalidCharacter(msg string) *goja.Object {
	e := g.h.nodeError("Error", msg, map[string]any{"code": 5})
	_ = e.Set("name", "InvalidCharacterError")
	return e
}

func (g *nodeGlobals) missingInput(call goja.FunctionCall) {
	if len(call.Arguments) == 0 {
		panic(g.h.nodeError("TypeError", `The "input" argument must be specified`, map[string]any{"code": "ERR_MISSING_ARGS"}))
	}
}

// atob is Node's (lib/buffer.js, the same in 18 and 22): forgiving-base64 with Node's checks and
// messages; the bytes come back as a latin1 string.
func (g *nodeGlobals) atob(call goja.FunctionCall) goja.Value {
	g.missingInput(call)
	in := call.Argument(0).String()
	var clean strings.Builder
	chars, equals := 0, 0
	for _, c := range in {
		switch {
		case c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ':
			continue
		case c == '=':
			chars++
			equals++
		case c < 0x80 && (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'):
			if equals > 0 {
				panic(g.invalidCharacter("Invalid character")) // '=' only at the end
			}
			chars++
			clean.WriteRune(c)
		default:
			panic(g.invalidCharacter("Invalid character"))
		}
		if equals > 2 {
			panic(g.invalidCharacter("Invalid character"))
		}
	}
	rem := chars % 4
	if rem == 0 {
		rem = (chars - equals) % 4
	} else if equals > 0 {
		panic(g.invalidCharacter("Invalid character"))
	}
	if rem == 1 {
		panic(g.invalidCharacter("The string to be decoded is not correctly encoded."))
	}
	// Buffer.from(…, 'base64') ignores unused trailing bits.
	b, err := base64.RawStdEncoding.WithPadding(base64.NoPadding).Strict().DecodeString(clean.String())
	if err != nil {
		b, _ = base64.RawStdEncoding.DecodeString(clean.String())
	}
	out := make([]rune, len(b))
	for i, c := range b {
		out[i] = rune(c)
	}
	return g.h.vm.ToValue(string(out))
}

// btoa is Node's (18 and 22): every character must fit in a byte (latin1).
func (g *nodeGlobals) btoa(call goja.FunctionCall) goja.Value {
	g.missingInput(call)
	in := call.Argument(0).String()
	b := make([]byte, 0, len(in))
	for _, c := range in {
		if c > 0xFF {
			panic(g.invalidCharacter("Invalid character"))
		}
		b = append(b, byte(c))
	}
	return g.h.vm.ToValue(base64.StdEncoding.EncodeToString(b))
}

// nodeOnlyGlobals are names Node 22 and Node 18 define globally and the
// sandbox does not (crypto is provided on node22, and Node 18 has no such
// global, so a ReferenceError for it is Node 18's own).
var nodeOnlyGlobals = map[string]bool{
	"process": true, "Intl": true, "performance": true, "WeakRef": true, "FinalizationRegistry": true,
	"SharedArrayBuffer": true, "Atomics": true, "WebAssembly": true, "Blob": true, "EventTarget": true,
	"Event": true, "MessageChannel": true, "BroadcastChannel": true, "DOMException": true,
	"Request": true, "FormData": true, "module": true, "exports": true,
	"__dirname": true, "__filename": true,
}

var notDefined = regexp.MustCompile(`^ReferenceError: (\S+) is not defined$`)

// missingGlobalNote explains a ReferenceError for a global Node has and the
// sandbox lacks: the script may well work in Auth0, but cannot be checked here.
func missingGlobalNote(message string) string {
	if m := notDefined.FindStringSubmatch(message); m != nil && nodeOnlyGlobals[m[1]] {
		return message + " (Node 22 and Node 18 have " + m[1] + " but the bridge sandbox does not provide it: " +
			"this script cannot be checked here; see `go doc internal/script`)"
	}
	return message
}
