// Strings, numbers and keys: port of Node's lib/internal/util/inspect.js
// (v22.x) strEscape, formatNumber, formatPrimitive.
var meta = [
  '\\x00', '\\x01', '\\x02', '\\x03', '\\x04', '\\x05', '\\x06', '\\x07',
  '\\b', '\\t', '\\n', '\\x0B', '\\f', '\\r', '\\x0E', '\\x0F',
  '\\x10', '\\x11', '\\x12', '\\x13', '\\x14', '\\x15', '\\x16', '\\x17',
  '\\x18', '\\x19', '\\x1A', '\\x1B', '\\x1C', '\\x1D', '\\x1E', '\\x1F'
];
var keyStrRegExp = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

function escapeChar(c, code, quote) {
  if (code < 0x20) return meta[code];
  if (code === 0x27 && quote === "'") return "\\'";
  if (code === 0x5c) return '\\\\';
  if (code >= 0x7f && code <= 0x9f) return '\\x' + code.toString(16).toUpperCase();
  return c;
}

// strEscape picks single quotes, else double, else backticks, as Node does,
// and escapes control characters, the chosen quote, backslashes and lone
// surrogates.
function strEscape(str) {
  var quote = "'";
  if (str.indexOf("'") !== -1) {
    if (str.indexOf('"') === -1) quote = '"';
    else if (str.indexOf('`') === -1 && str.indexOf('${') === -1) quote = '`';
  }
  var out = '';
  for (var i = 0; i < str.length; i++) {
    var code = str.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) {
      var next = str.charCodeAt(i + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        out += str[i] + str[i + 1];
        i++;
      } else {
        out += '\\u' + code.toString(16).toUpperCase();
      }
      continue;
    }
    out += escapeChar(str[i], code, quote);
  }
  return quote + out + quote;
}

function formatNumber(n) {
  if (Object.is(n, -0)) return '-0';
  return '' + n;
}

function formatPrimitive(ctx, value) {
  switch (typeof value) {
    case 'string':
      var trailer = '';
      if (value.length > ctx.maxStringLength) {
        var remaining = value.length - ctx.maxStringLength;
        value = value.slice(0, ctx.maxStringLength);
        trailer = '... ' + remaining + ' more character' + (remaining > 1 ? 's' : '');
      }
      if (ctx.compact !== true && value.length > 16 &&
          value.length > ctx.breakLength - ctx.indentationLvl - 4) {
        return splitLines(value).map(strEscape)
          .join(' +\n' + ' '.repeat(ctx.indentationLvl + 2)) + trailer;
      }
      return strEscape(value) + trailer;
    case 'number': return formatNumber(value);
    case 'bigint': return value + 'n';
    case 'symbol': return symbolToString(value);
  }
  return '' + value; // boolean, undefined
}

// splitLines splits after each '\n', keeping it (Node: /(?<=\n)/).
function splitLines(s) {
  var out = [], start = 0;
  for (var i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) === 10) { out.push(s.slice(start, i + 1)); start = i + 1; }
  }
  if (start < s.length || out.length === 0) out.push(s.slice(start));
  return out;
}

function symbolToString(sym) {
  var s = Symbol.prototype.toString.call(sym);
  var d = sym.description;
  return d === undefined ? s : 'Symbol(' + d + ')';
}

function formatKey(key, desc) {
  if (typeof key === 'symbol') return '[' + symbolToString(key) + ']';
  if (key === '__proto__') return "['__proto__']";
  if (desc.enumerable === false) return '[' + key + ']';
  if (keyStrRegExp.test(key)) return key;
  return strEscape(key);
}
