// The braces, base and entries of each kind of object: port of the type
// switch in Node's formatRaw (lib/internal/util/inspect.js, v22.x).
function noEntries() { return []; }

var unbox = {
  Number: Number.prototype.valueOf, String: String.prototype.valueOf, Boolean: Boolean.prototype.valueOf,
  Symbol: Symbol.prototype.valueOf, BigInt: BigInt.prototype.valueOf
};

function describe(ctx, value, constructor, tag) {
  var kind = kindOf(value);
  var keys, base = '', braces, formatter = noEntries, arrayType = false, prefix;
  if (kind === 'Array') {
    keys = getKeys(value, ctx.showHidden).filter(function (k) { return typeof k === 'symbol' || !/^(0|[1-9][0-9]*)$/.test(k) || +k >= 4294967295; });
    prefix = (constructor !== 'Array' || tag !== '') ? getPrefix(constructor, tag, 'Array', '(' + value.length + ')') : '';
    braces = [prefix + '[', ']'];
    if (value.length === 0 && keys.length === 0) return { done: braces[0] + ']' };
    arrayType = true;
    formatter = formatArray;
  } else if (kind === 'Set' || kind === 'Map') {
    keys = getKeys(value, ctx.showHidden);
    prefix = getPrefix(constructor, tag, kind, '(' + value.size + ')');
    formatter = kind === 'Set' ? formatSet : formatMap;
    if (value.size === 0 && keys.length === 0) return { done: prefix + '{}' };
    braces = [prefix + '{', '}'];
  } else if (kind === 'TypedArray') {
    keys = [];
    var size = value.length;
    if (constructor === 'Buffer') return { done: formatBuffer(value) };
    braces = [getPrefix(constructor, tag, 'Uint8Array', '(' + size + ')') + '[', ']'];
    if (size === 0) return { done: braces[0] + ']' };
    arrayType = true;
    formatter = formatArray;
  } else {
    keys = getKeys(value, ctx.showHidden);
    braces = ['{', '}'];
    var d = describeOther(ctx, value, constructor, tag, kind, keys, braces);
    if (d.done !== undefined) return d;
    base = d.base || '';
    if (d.formatter) formatter = d.formatter;
  }
  return { keys: keys, base: base, braces: braces, formatter: formatter, arrayType: arrayType };
}

function describeOther(ctx, value, constructor, tag, kind, keys, braces) {
  var base;
  switch (kind) {
    case 'Object':
      if (host.isArguments(value)) {
        braces[0] = '[Arguments] {';
        if (keys.length === 0) return { done: '[Arguments] {}' };
        return {};
      }
      if (constructor === 'Object' && tag === '') {
        if (keys.length === 0) return { done: '{}' };
        return {};
      }
      braces[0] = getPrefix(constructor, tag, 'Object') + '{';
      if (keys.length === 0) return { done: braces[0] + '}' };
      return {};
    case 'Function':
      base = getFunctionBase(value, constructor, tag);
      if (keys.length === 0) return { done: base };
      return { base: base };
    case 'RegExp':
      base = RegExp.prototype.toString.call(value);
      break;
    case 'Date':
      base = isNaN(Date.prototype.getTime.call(value)) ? 'Invalid Date' : Date.prototype.toISOString.call(value);
      break;
    case 'Error':
      base = formatError(value, constructor, tag, ctx, keys);
      break;
    case 'Promise':
      braces[0] = getPrefix(constructor, tag, 'Promise') + '{';
      return { formatter: formatPromise };
    case 'WeakMap': case 'WeakSet':
      braces[0] = getPrefix(constructor, tag, kind) + '{';
      return { formatter: function () { return ['<items unknown>']; } };
    case 'Number': case 'String': case 'Boolean': case 'Symbol': case 'BigInt':
      base = '[' + kind;
      if (kind !== constructor) base += constructor === null ? ' (null prototype)' : ' (' + constructor + ')';
      base += ': ' + formatPrimitive(ctx, unbox[kind].call(value)) + ']';
      if (tag !== '' && tag !== constructor) base += ' [' + tag + ']';
      if (kind === 'String') keys.splice(0, keys.length, ...keys.filter(function (k) { return !/^(0|[1-9][0-9]*)$/.test(k); }));
      if (keys.length === 0) return { done: base };
      return { base: base };
    default:
      braces[0] = getPrefix(constructor, tag, 'Object') + '{';
      if (keys.length === 0) return { done: braces[0] + '}' };
      return {};
  }
  var p = getPrefix(constructor, tag, kind);
  if (kind !== 'Error' && p !== kind + ' ') base = p + base;
  if (keys.length === 0) return { done: base };
  return { base: base };
}

function getFunctionBase(value, constructor, tag) {
  var src = Function.prototype.toString.call(value);
  if (src.slice(0, 5) === 'class' && /^class(\s|\{)/.test(src)) {
    var b = '[class ' + (value.name || '(anonymous)');
    var ext = /^class\s+[\w$]*\s*extends\s+([\w$.]+)/.exec(src);
    if (ext) b += ' extends ' + ext[1];
    return b + ']';
  }
  var type = host.functionType(value);
  var base = '[' + type;
  if (constructor === null) base += ' (null prototype)';
  if (value.name === '') base += ' (anonymous)';
  else base += ': ' + value.name;
  base += ']';
  if (constructor !== type && constructor !== null) base += ' ' + constructor;
  if (tag !== '' && constructor !== tag) base += ' [' + tag + ']';
  return base;
}
