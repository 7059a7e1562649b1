package script

import "github.com/dop251/goja"

// v8Limits gives four built-ins V8's answer where goja would compute for
// minutes inside one native call (which no interrupt can stop): V8 refuses a
// string longer than 2**29-24 UTF-16 units on 64-bit (String::kMaxLength,
// "RangeError: Invalid string length"), refuses an array-like longer than
// 2**32-1 in join ("TypeError: Invalid array length"), and joins a huge
// sparse array with ” at once. Checked under node by
// TestV8StringLimitsMatchNode; docs/fidelity.md "V8 limits".
type v8Limits struct{ h *host }

// v8LimitsJS wraps String.prototype.repeat, padStart, padEnd and
// Array.prototype.join; every other case goes to the original. It also makes
// JSON.stringify interruptible.
const v8LimitsJS = `(function (MAX) {
  'use strict'; // this stays a primitive string in the wrappers
  var S = String.prototype, A = Array.prototype;
  var repeat0 = S.repeat, padStart0 = S.padStart, padEnd0 = S.padEnd, join0 = A.join;
  var apply = Function.prototype.call.bind(Function.prototype.apply);
  function define(o, name, f) {
    Object.defineProperty(o, name, {value: f, writable: true, enumerable: false, configurable: true});
  }
  define(S, 'repeat', function repeat(count) {
    if (typeof count === 'number' && (Math.trunc(count) < 0 || count === Infinity)) {
      throw new RangeError('Invalid count value: ' + count); // V8's text (goja omits the count)
    }
    if (typeof this === 'string' && this.length > 0 && typeof count === 'number' &&
        count !== Infinity && Math.trunc(count) * this.length > MAX) {
      throw new RangeError('Invalid string length');
    }
    return apply(repeat0, this, arguments);
  });
  function padCheck(s, maxLength, fill) {
    if (typeof s === 'string' && typeof maxLength === 'number' && maxLength > MAX && maxLength > s.length &&
        (fill === undefined || (typeof fill === 'string' && fill.length > 0))) {
      throw new RangeError('Invalid string length');
    }
  }
  define(S, 'padStart', function padStart(maxLength) {
    padCheck(this, maxLength, arguments[1]);
    return apply(padStart0, this, arguments);
  });
  define(S, 'padEnd', function padEnd(maxLength) {
    padCheck(this, maxLength, arguments[1]);
    return apply(padEnd0, this, arguments);
  });
  define(A, 'join', function join(separator) {
    var len = this != null ? this.length : 0;
    if (typeof len === 'number' && len > 1048576) {
      if (len > 4294967295) throw new TypeError('Invalid array length');
      var sep = separator === undefined ? ',' : separator;
      if (typeof sep === 'string') {
        if (sep.length > 0 && (len - 1) * sep.length > MAX) throw new RangeError('Invalid string length');
        if (sep.length === 0 && Array.isArray(this)) {
          // A huge array is sparse: only its own elements add anything.
          var keys = Object.keys(this), out = '';
          for (var i = 0; i < keys.length; i++) {
            var k = keys[i], n = +k;
            if (String(n >>> 0) === k && n < len) {
              var v = this[k];
              if (v != null) out += v;
            }
          }
          return out;
        }
      }
    }
    return apply(join0, this, arguments);
  });
  // JSON.stringify without a replacer runs as one native call; with an
  // identity replacer (the same output, ECMA-262 SerializeJSONProperty) it
  // runs JavaScript between values, where the time limit and the memory
  // ceiling can stop it (a DAG whose JSON doubles with every level).
  var stringify0 = JSON.stringify;
  var identity = function (k, v) { return v; };
  define(JSON, 'stringify', function stringify(value, replacer, space) {
    if (replacer == null) return stringify0(value, identity, space);
    return apply(stringify0, this, arguments);
  });
})`

var v8LimitsPrg = goja.MustCompile("bridge-v8-limits.js", v8LimitsJS, false)

// v8MaxStringLength is V8's String::kMaxLength on 64-bit (2**29-24).
const v8MaxStringLength = 1<<29 - 24

func (l *v8Limits) install() {
	v, err := l.h.vm.RunProgram(v8LimitsPrg)
	if err != nil {
		panic(err)
	}
	fn, _ := goja.AssertFunction(v)
	if _, err := fn(goja.Undefined(), l.h.vm.ToValue(v8MaxStringLength)); err != nil {
		panic(err)
	}
}
