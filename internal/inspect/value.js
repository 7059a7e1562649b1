// Objects: port of Node's lib/internal/util/inspect.js (v22.x) formatValue,
// formatRaw, getConstructorName, getPrefix, formatProperty.
var hasOwn = Object.prototype.hasOwnProperty;

function formatValue(ctx, value, recurseTimes) {
  if (typeof value !== 'object' && typeof value !== 'function') return formatPrimitive(ctx, value);
  if (value === null) return 'null';
  if (ctx.seen.indexOf(value) !== -1) {
    var index = ctx.circular.get(value);
    if (index === undefined) {
      index = ctx.circular.size + 1;
      ctx.circular.set(value, index);
    }
    return '[Circular *' + index + ']';
  }
  return formatRaw(ctx, value, recurseTimes);
}

function isInstanceof(object, proto) {
  try {
    return object instanceof proto;
  } catch (e) {
    return false;
  }
}

function getConstructorName(obj) {
  var value = obj;
  var first = true;
  while (obj) {
    var desc = Object.getOwnPropertyDescriptor(obj, 'constructor');
    if (desc !== undefined && typeof desc.value === 'function' && desc.value.name !== '' && isInstanceof(value, desc.value)) {
      return String(desc.value.name);
    }
    obj = Object.getPrototypeOf(obj);
    if (first && obj === null) return null;
    first = false;
  }
  return 'Object';
}

function getPrefix(constructor, tag, fallback, size) {
  size = size || '';
  if (constructor === null) {
    if (tag !== '' && fallback !== tag) return '[' + fallback + size + ': null prototype] [' + tag + '] ';
    return '[' + fallback + size + ': null prototype] ';
  }
  if (tag !== '' && constructor !== tag) return constructor + size + ' [' + tag + '] ';
  return constructor + size + ' ';
}

// getKeys lists own enumerable keys and symbols, or with showHidden (%o)
// all own keys, as Node's getKeys.
function getKeys(value, showHidden) {
  var keys = showHidden ? Object.getOwnPropertyNames(value) : Object.keys(value);
  var symbols = Object.getOwnPropertySymbols(value);
  for (var i = 0; i < symbols.length; i++) {
    if (showHidden || Object.prototype.propertyIsEnumerable.call(value, symbols[i])) keys.push(symbols[i]);
  }
  return keys;
}

function formatProperty(ctx, value, recurseTimes, key, arrayType, desc) {
  var str;
  desc = desc || Object.getOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
  if (desc.value !== undefined) {
    ctx.indentationLvl += 2;
    str = formatValue(ctx, desc.value, recurseTimes);
    ctx.indentationLvl -= 2;
  } else if (desc.get !== undefined) {
    str = desc.set !== undefined ? '[Getter/Setter]' : '[Getter]';
  } else if (desc.set !== undefined) {
    str = '[Setter]';
  } else {
    str = 'undefined';
  }
  if (arrayType) return str;
  return formatKey(key, desc) + ': ' + str;
}

function formatRaw(ctx, value, recurseTimes) {
  var constructor = getConstructorName(value);
  var tag = value[Symbol.toStringTag];
  // Only list the tag when it is not an enumerable own property (printed as a key).
  if (typeof tag !== 'string' || (tag !== '' && Object.prototype.propertyIsEnumerable.call(value, Symbol.toStringTag))) tag = '';
  var r = describe(ctx, value, constructor, tag);
  if (r.done !== undefined) return r.done;
  if (recurseTimes > ctx.depth) {
    var name = getPrefix(constructor, tag, 'Object').slice(0, -1);
    return constructor !== null ? '[' + name + ']' : name;
  }
  recurseTimes += 1;
  ctx.seen.push(value);
  ctx.currentDepth = recurseTimes;
  var output = r.formatter(ctx, value, recurseTimes);
  for (var i = 0; i < r.keys.length; i++) {
    output.push(formatProperty(ctx, value, recurseTimes, r.keys[i], false));
  }
  ctx.seen.pop();
  var base = r.base;
  var index = ctx.circular.get(value);
  if (index !== undefined) {
    var reference = '<ref *' + index + '>';
    base = base === '' ? reference : reference + ' ' + base;
  }
  ctx.visits++;
  if (ctx.visits > ctx.budget) ctx.depth = -1;
  return reduceToSingleString(ctx, output, base, r.braces, r.arrayType, recurseTimes, value);
}

