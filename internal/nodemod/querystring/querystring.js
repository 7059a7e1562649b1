// Port of Node's lib/querystring.js (v22.x; unchanged in v18.x for what is
// here). host.unescapeBuffer decodes valid %XX sequences as bytes, then the
// bytes as UTF-8, as unescapeBuffer(s, decodeSpaces).toString() does.
'use strict';
function qsEscape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  try {
    return encodeURIComponent(str);
  } catch (e) {
    var err = new URIError('URI malformed');
    err.code = 'ERR_INVALID_URI';
    throw err;
  }
}

function qsUnescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch (e) {
    return host.unescapeBuffer(String(s), !!decodeSpaces);
  }
}

function stringifyPrimitive(v) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && isFinite(v)) return '' + v;
  if (typeof v === 'bigint') return '' + v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function encodeStringified(v, encode) {
  if (typeof v === 'string') return (v.length ? encode(v) : '');
  if (typeof v === 'number' && isFinite(v)) return (Math.abs(v) < 1e21 ? '' + v : encode('' + v));
  if (typeof v === 'bigint') return '' + v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function encodeStringifiedCustom(v, encode) {
  return encode(stringifyPrimitive(v));
}

function stringify(obj, sep, eq, options) {
  sep = sep || '&';
  eq = eq || '=';
  var encode = exports.escape;
  if (options && typeof options.encodeURIComponent === 'function') encode = options.encodeURIComponent;
  var convert = (encode === qsEscape ? encodeStringified : encodeStringifiedCustom);
  if (obj === null || typeof obj !== 'object') return '';
  var keys = Object.keys(obj), fields = '';
  for (var i = 0; i < keys.length; ++i) {
    var v = obj[keys[i]];
    var ks = convert(keys[i], encode) + eq;
    if (Array.isArray(v)) {
      if (v.length === 0) continue;
      if (fields) fields += sep;
      for (var j = 0; j < v.length; ++j) {
        if (j) fields += sep;
        fields += ks + convert(v[j], encode);
      }
    } else {
      if (fields) fields += sep;
      fields += ks + convert(v, encode);
    }
  }
  return fields;
}

function decodeStr(s, decoder) {
  try {
    return decoder(s);
  } catch (e) {
    return exports.unescape(s, true);
  }
}

function parse(qs, sep, eq, options) {
  var obj = Object.create(null);
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  sep = sep ? String(sep) : '&';
  eq = eq ? String(eq) : '=';
  var pairs = 1000;
  if (options && typeof options.maxKeys === 'number') pairs = options.maxKeys > 0 ? options.maxKeys : 0;
  var decode = exports.unescape;
  if (options && typeof options.decodeURIComponent === 'function') decode = options.decodeURIComponent;
  var parts = qs.split(sep);
  for (var i = 0; i < parts.length; i++) {
    var part = parts[i];
    if (part.length === 0) {
      if (--pairs === 0) return obj;
      continue;
    }
    var idx = part.indexOf(eq);
    var key = idx === -1 ? part : part.slice(0, idx);
    var value = idx === -1 ? '' : part.slice(idx + eq.length);
    key = decodeStr(key.replace(/\+/g, ' '), decode);
    value = decodeStr(value.replace(/\+/g, ' '), decode);
    var cur = obj[key];
    if (cur === undefined) obj[key] = value;
    else if (Array.isArray(cur)) cur.push(value);
    else obj[key] = [cur, value];
    if (--pairs === 0) return obj;
  }
  return obj;
}

var exports = {
  unescape: qsUnescape,
  escape: qsEscape,
  stringify: stringify,
  encode: stringify,
  parse: parse,
  decode: parse
};
return exports;
