// Port of Node's legacy url.parse (lib/url.js, v22.x: Url, urlParse,
// Url.prototype.parse, parseHost, getHostname, autoEscapeStr). IDNA
// (toASCII of non-ASCII hostnames) is not done: such hosts are kept as
// given, lower-cased (docs/node-runtime.md "url").
'use strict';
function Url() {
  this.protocol = null; this.slashes = null; this.auth = null; this.host = null;
  this.port = null; this.hostname = null; this.hash = null; this.search = null;
  this.query = null; this.pathname = null; this.path = null; this.href = null;
}
var slashedProtocol = { 'http': 1, 'http:': 1, 'https': 1, 'https:': 1, 'ftp': 1, 'ftp:': 1, 'gopher': 1, 'gopher:': 1, 'file': 1, 'file:': 1, 'ws': 1, 'ws:': 1, 'wss': 1, 'wss:': 1 };
var hostlessProtocol = { 'javascript': 1, 'javascript:': 1 };
var simplePathPattern = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;
var protocolPattern = /^[a-z0-9.+-]+:/i;
var hostPattern = /^\/\/[^@/]+@[^@/]+/;
var autoEscape = { '\t': '%09', '\n': '%0A', '\r': '%0D', ' ': '%20', '"': '%22', "'": '%27', '<': '%3C', '>': '%3E', '\\': '%5C', '^': '%5E', '`': '%60', '{': '%7B', '|': '%7C', '}': '%7D' };
var nonHostChars = '\t\n\r "%\';<>\\^`{|}';

function has(set, k) { return k !== undefined && Object.prototype.hasOwnProperty.call(set, k); }

function trimAndSlash(url) {
  // Trim whitespace (code < 33, U+00A0, U+FEFF) and turn backslashes before
  // the first '?' or '#' into slashes.
  var isWs = function (c) { return c < 33 || c === 0xA0 || c === 0xFEFF; };
  var start = 0, end = url.length;
  while (start < end && isWs(url.charCodeAt(start))) start++;
  while (end > start && isWs(url.charCodeAt(end - 1))) end--;
  var s = url.slice(start, end), out = '', split = false, hasHash = false, hasAt = false;
  for (var i = 0; i < s.length; i++) {
    var c = s[i];
    if (!split) {
      if (c === '@') hasAt = true;
      else if (c === '#') { hasHash = true; split = true; }
      else if (c === '?') split = true;
      else if (c === '\\') c = '/';
    } else if (c === '#') hasHash = true;
    out += c;
  }
  return { rest: out, hasHash: hasHash, hasAt: hasAt };
}

Url.prototype.parse = function (url, parseQueryString, slashesDenoteHost) {
  if (typeof url !== 'string') {
    var err = new TypeError('The "url" argument must be of type string. Received ' + describeArg(url));
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  var t = trimAndSlash(url), rest = t.rest;
  if (!slashesDenoteHost && !t.hasHash && !t.hasAt) {
    var simplePath = simplePathPattern.exec(rest);
    if (simplePath) {
      this.path = rest; this.href = rest; this.pathname = simplePath[1];
      if (simplePath[2]) {
        this.search = simplePath[2];
        this.query = parseQueryString ? qs.parse(this.search.slice(1)) : this.search.slice(1);
      } else if (parseQueryString) {
        this.search = null;
        this.query = Object.create(null);
      }
      return this;
    }
  }
  var proto = protocolPattern.exec(rest), lowerProto;
  if (proto) {
    proto = proto[0];
    lowerProto = proto.toLowerCase();
    this.protocol = lowerProto;
    rest = rest.slice(proto.length);
  }
  var slashes;
  if (slashesDenoteHost || proto || hostPattern.test(rest)) {
    slashes = rest.slice(0, 2) === '//';
    if (slashes && !(proto && has(hostlessProtocol, lowerProto))) {
      rest = rest.slice(2);
      this.slashes = true;
    }
  }
  if (!has(hostlessProtocol, lowerProto) && (slashes || (proto && !has(slashedProtocol, proto)))) {
    rest = this.parseAuthority(rest);
  }
  return this.parsePath(rest, lowerProto, parseQueryString);
};

function describeArg(v) {
  if (v === null || v === undefined) return '' + v;
  if (typeof v === 'function') return 'function ' + v.name;
  if (typeof v === 'object') return 'an instance of ' + ((v.constructor && v.constructor.name) || 'Object');
  var s = typeof v === 'string' ? "'" + v + "'" : String(v);
  return 'type ' + typeof v + ' (' + s + ')';
}
