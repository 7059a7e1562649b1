package script

import "github.com/dop251/goja"

// structuredCloneGlobal is Node's structuredClone (HTML's structured clone
// algorithm, as V8's serializer does it): plain objects and arrays (own
// enumerable keys, prototypes dropped, cycles kept), Date, RegExp, Map, Set,
// ArrayBuffer, typed arrays, the primitive wrappers and Error objects (name,
// message, cause). A function, a symbol, a WeakMap or WeakSet throws
// DOMException DataCloneError (code 25) with V8's text ("<source> could not
// be cloned."). With no argument Node throws ERR_MISSING_ARGS, whose text
// differs between Node 18 and Node 22 (node-verified rows in
// globals_diff_test.go).
type structuredCloneGlobal struct{ h *host }

const structuredCloneJS = `(function(dataCloneError, missing) {
  var toStr = Object.prototype.toString;
  function fail(v) {
    var s = typeof v === 'symbol' ? v.toString() : typeof v === 'function' ? Function.prototype.toString.call(v) : '#<' + toStr.call(v).slice(8, -1) + '>';
    throw dataCloneError(s + ' could not be cloned.');
  }
  function clone(v, seen) {
    if (typeof v === 'symbol' || typeof v === 'function') fail(v);
    if (v === null || typeof v !== 'object') return v;
    if (seen.has(v)) return seen.get(v);
    var tag = toStr.call(v).slice(8, -1), out, i;
    switch (tag) {
    case 'Date': out = new Date(v.getTime()); break;
    case 'RegExp': out = new RegExp(v.source, v.flags); break;
    case 'Boolean': case 'Number': case 'String': out = Object(v.valueOf()); break;
    case 'ArrayBuffer': out = v.slice(0); break;
    case 'Int8Array': case 'Uint8Array': case 'Uint8ClampedArray': case 'Int16Array': case 'Uint16Array':
    case 'Int32Array': case 'Uint32Array': case 'Float32Array': case 'Float64Array': case 'BigInt64Array': case 'BigUint64Array':
      out = new globalThis[tag](v); break;
    case 'WeakMap': case 'WeakSet': case 'Promise': case 'WeakRef': fail(v);
    }
    if (out) { seen.set(v, out); return out; }
    if (tag === 'Map') {
      out = new Map(); seen.set(v, out);
      v.forEach(function(val, key) { out.set(clone(key, seen), clone(val, seen)); });
      return out;
    }
    if (tag === 'Set') {
      out = new Set(); seen.set(v, out);
      v.forEach(function(val) { out.add(clone(val, seen)); });
      return out;
    }
    if (tag === 'Error') {
      var name = v.name, ctor = {EvalError: EvalError, RangeError: RangeError, ReferenceError: ReferenceError,
        SyntaxError: SyntaxError, TypeError: TypeError, URIError: URIError}[name] || Error;
      out = Object.create(ctor.prototype); seen.set(v, out);
      var msg = Object.getOwnPropertyDescriptor(v, 'message');
      if (msg) Object.defineProperty(out, 'message', {value: String(msg.value), writable: true, configurable: true, enumerable: false});
      if (typeof v.stack === 'string') Object.defineProperty(out, 'stack', {value: v.stack, writable: true, configurable: true, enumerable: false});
      if ('cause' in v) Object.defineProperty(out, 'cause', {value: clone(v.cause, seen), writable: true, configurable: true, enumerable: false});
      return out;
    }
    if (Array.isArray(v)) {
      out = new Array(v.length); seen.set(v, out);
    } else {
      out = {}; seen.set(v, out);
    }
    var keys = Object.keys(v);
    for (i = 0; i < keys.length; i++) out[keys[i]] = clone(v[keys[i]], seen);
    return out;
  }
  return function structuredClone(value) {
    if (arguments.length === 0) throw missing();
    return clone(value, new Map());
  };
})`

var structuredClonePrg = goja.MustCompile("node:internal/structured_clone", structuredCloneJS, false)

func (g *structuredCloneGlobal) install() {
	vm := g.h.vm
	v, err := vm.RunProgram(structuredClonePrg)
	if err != nil {
		panic(err)
	}
	build, _ := goja.AssertFunction(v)
	dataClone := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		return g.h.domException("DataCloneError", call.Argument(0).String(), 25)
	})
	missing := vm.ToValue(func(goja.FunctionCall) goja.Value {
		what := `"value"`
		if runtimeProfile(g.h.opts.Runtime) == RuntimeNode22 {
			what = `"The value argument must be specified"` // Node 22's own text, verbatim
		}
		return g.h.nodeError("TypeError", "The "+what+" argument must be specified", map[string]any{"code": "ERR_MISSING_ARGS"})
	})
	fn, err := build(goja.Undefined(), dataClone, missing)
	if err != nil {
		panic(err)
	}
	_ = vm.Set("structuredClone", fn)
}

// domException is a DOMException-like error: an Error with Node's name and
// legacy code (Node's DOMException is its own class; instanceof Error holds
// for both).
func (h *host) domException(name, message string, code int) *goja.Object {
	e := h.nodeError("Error", message, map[string]any{"code": code})
	_ = e.Set("name", name)
	return e
}
