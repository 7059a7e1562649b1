// The authority part of Node's legacy Url.prototype.parse (lib/url.js,
// v22.x): auth before the last '@', host up to the first of '#', '/', '?',
// port by /:[0-9]*$/, hostname cut at the first invalid character (the rest
// moves to the path), lower-cased.
Url.prototype.parseAuthority = function (rest) {
  var hostEnd = -1, atSign = -1, nonHost = -1;
  for (var i = 0; i < rest.length; ++i) {
    var c = rest[i];
    if (nonHostChars.indexOf(c) !== -1) {
      if (nonHost === -1) nonHost = i;
    } else if (c === '#' || c === '/' || c === '?') {
      if (nonHost === -1) nonHost = i;
      hostEnd = i;
    } else if (c === '@') {
      atSign = i;
      nonHost = -1;
    }
    if (hostEnd !== -1) break;
  }
  var start = 0;
  if (atSign !== -1) {
    this.auth = decodeURIComponent(rest.slice(0, atSign));
    start = atSign + 1;
  }
  if (nonHost === -1) {
    this.host = rest.slice(start);
    rest = '';
  } else {
    this.host = rest.slice(start, nonHost);
    rest = rest.slice(nonHost);
  }
  this.parseHost();
  if (typeof this.hostname !== 'string') this.hostname = '';
  var hostname = this.hostname;
  var ipv6 = hostname[0] === '[' && hostname[hostname.length - 1] === ']';
  if (!ipv6) {
    for (i = 0; i < hostname.length; ++i) {
      if ('/\\#?:'.indexOf(hostname[i]) !== -1) {
        this.hostname = hostname.slice(0, i);
        rest = '/' + hostname.slice(i) + rest;
        break;
      }
    }
  }
  this.hostname = this.hostname.length > 255 ? '' : this.hostname.toLowerCase();
  this.host = (this.hostname || '') + (this.port ? ':' + this.port : '');
  if (ipv6) {
    this.hostname = this.hostname.slice(1, -1);
    if (rest[0] !== '/') rest = '/' + rest;
  }
  return rest;
};

Url.prototype.parseHost = function () {
  var host = this.host;
  var port = /:[0-9]*$/.exec(host);
  if (port) {
    port = port[0];
    if (port !== ':') this.port = port.slice(1);
    host = host.slice(0, host.length - port.length);
  }
  if (host) this.hostname = host;
};

Url.prototype.parsePath = function (rest, lowerProto, parseQueryString) {
  if (!has(hostlessProtocol, lowerProto)) {
    rest = rest.replace(/[\t\n\r "'<>\\^`{|}]/g, function (c) { return autoEscape[c]; });
  }
  var questionIdx = -1, hashIdx = -1;
  for (var i = 0; i < rest.length; ++i) {
    if (rest[i] === '#') { this.hash = rest.slice(i); hashIdx = i; break; }
    if (rest[i] === '?' && questionIdx === -1) questionIdx = i;
  }
  if (questionIdx !== -1) {
    this.search = rest.slice(questionIdx, hashIdx === -1 ? undefined : hashIdx);
    this.query = rest.slice(questionIdx + 1, hashIdx === -1 ? undefined : hashIdx);
    if (parseQueryString) this.query = qs.parse(this.query);
  } else if (parseQueryString) {
    this.search = null;
    this.query = Object.create(null);
  }
  var firstIdx = questionIdx !== -1 && (hashIdx === -1 || questionIdx < hashIdx) ? questionIdx : hashIdx;
  if (firstIdx === -1) {
    if (rest.length > 0) this.pathname = rest;
  } else if (firstIdx > 0) {
    this.pathname = rest.slice(0, firstIdx);
  }
  if (has(slashedProtocol, lowerProto) && this.hostname && !this.pathname) this.pathname = '/';
  if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');
  this.href = this.format();
  return this;
};
