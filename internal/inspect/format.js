// util.inspect's option handling and util.format: port of Node's inspect()
// and formatWithOptionsInternal (lib/internal/util/inspect.js, v22.x).
// Documented defaults: https://nodejs.org/api/util.html#utilinspectobject-options
var defaultOptions = {
  showHidden: false, depth: 2, colors: false, customInspect: true, showProxy: false,
  maxArrayLength: 100, maxStringLength: 10000, breakLength: 80, compact: 3,
  sorted: false, getters: false, numericSeparator: false
};

function inspect(value, opts) {
  var ctx = {
    seen: [], circular: new Map(), indentationLvl: 0, currentDepth: 0, visits: 0,
    budget: host.budget
  };
  Object.keys(defaultOptions).forEach(function (k) { ctx[k] = defaultOptions[k]; });
  if (arguments.length > 1) {
    if (typeof opts === 'boolean') {
      ctx.showHidden = opts; // legacy inspect(obj, showHidden, depth, colors)
      if (arguments.length > 2) ctx.depth = arguments[2];
    } else if (opts !== null && typeof opts === 'object') {
      Object.keys(opts).forEach(function (k) {
        if (hasOwn.call(defaultOptions, k) || k === 'stylize') ctx[k] = opts[k];
      });
    }
  }
  if (ctx.depth === null) ctx.depth = Infinity;
  if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
  if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
  return formatValue(ctx, value, 0);
}

function tryStringify(arg) {
  try {
    return JSON.stringify(arg);
  } catch (err) {
    if (err instanceof TypeError && /circular/i.test(err.message)) return '[Circular]';
    throw err;
  }
}

function hasBuiltInToString(value) {
  // An own or inherited user-defined toString (not Object's or Error's
  // built-in) makes %s print String(value), as Node does.
  var proto = value;
  while (proto !== null) {
    var d = Object.getOwnPropertyDescriptor(proto, 'toString');
    if (d !== undefined) return builtinToStrings.indexOf(d.value) !== -1;
    proto = Object.getPrototypeOf(proto);
  }
  return true;
}
var builtinToStrings = [Object.prototype.toString, Error.prototype.toString, Array.prototype.toString,
  Date.prototype.toString, RegExp.prototype.toString, Function.prototype.toString,
  Number.prototype.toString, String.prototype.toString, Boolean.prototype.toString];

function formatArg(c, arg) {
  switch (c) {
    case 's':
      if (typeof arg === 'number') return formatNumber(arg);
      if (typeof arg === 'bigint') return arg + 'n';
      if (typeof arg !== 'object' || arg === null || !hasBuiltInToString(arg)) return String(arg);
      return inspect(arg, { depth: 0, colors: false, compact: 3 });
    case 'j': return tryStringify(arg);
    case 'd':
      if (typeof arg === 'bigint') return arg + 'n';
      if (typeof arg === 'symbol') return 'NaN';
      return formatNumber(Number(arg));
    case 'O': return inspect(arg);
    case 'o': return inspect(arg, { showHidden: true, showProxy: true, depth: 4 });
    case 'i':
      if (typeof arg === 'bigint') return arg + 'n';
      if (typeof arg === 'symbol') return 'NaN';
      return formatNumber(parseInt(arg));
    case 'f':
      if (typeof arg === 'symbol') return 'NaN';
      return formatNumber(parseFloat(arg));
    case 'c': return '';
  }
}

function format() {
  var args = arguments, first = args[0], a = 0, str = '', join = '';
  if (typeof first === 'string') {
    if (args.length === 1) return first;
    var lastPos = 0;
    for (var i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) !== 37) continue; // '%'
      var c = first[++i];
      if (a + 1 !== args.length) {
        if (c === '%') {
          str += first.slice(lastPos, i);
          lastPos = i + 1;
          continue;
        }
        if ('sjdOoifc'.indexOf(c) === -1) continue;
        var tempStr = formatArg(c, args[++a]);
        if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
        str += tempStr;
        lastPos = i + 1;
      } else if (c === '%') {
        str += first.slice(lastPos, i);
        lastPos = i + 1;
      }
    }
    if (lastPos !== 0) {
      a++;
      join = ' ';
      if (lastPos < first.length) str += first.slice(lastPos);
    }
  }
  while (a < args.length) {
    var value = args[a];
    str += join;
    str += typeof value !== 'string' ? inspect(value) : value;
    join = ' ';
    a++;
  }
  return str;
}

inspect.defaultOptions = defaultOptions;
inspect.custom = Symbol.for('nodejs.util.inspect.custom');
return { inspect: inspect, format: format, kindOf: kindOf };
