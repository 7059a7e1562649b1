// Port of Node's legacy Url.prototype.format and urlFormat (lib/url.js,
// v22.x). Auth is escaped except A-Z a-z 0-9 - . _ ~ ! $ & ' ( ) * + , ; = :
function escapeAuth(auth) {
  return encodeURIComponent(auth).replace(/%(24|26|2B|2C|3B|3D|3A)/g, function (m, h) {
    return String.fromCharCode(parseInt(h, 16));
  });
}

Url.prototype.format = function () {
  var auth = this.auth || '';
  if (auth) auth = escapeAuth(auth) + '@';
  var protocol = this.protocol || '', pathname = this.pathname || '', hash = this.hash || '';
  var host = '', query = '';
  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    var h = this.hostname;
    host = auth + (h.indexOf(':') !== -1 && !(h[0] === '[' && h[h.length - 1] === ']') ? '[' + h + ']' : h);
    if (this.port) host += ':' + this.port;
  }
  if (this.query !== null && typeof this.query === 'object') query = qs.stringify(this.query);
  var search = this.search || (query && ('?' + query)) || '';
  if (protocol && protocol[protocol.length - 1] !== ':') protocol += ':';
  pathname = pathname.replace(/[#?]/g, function (c) { return c === '#' ? '%23' : '%3F'; });
  if (this.slashes || has(slashedProtocol, protocol)) {
    if (this.slashes || host) {
      if (pathname && pathname[0] !== '/') pathname = '/' + pathname;
      host = '//' + host;
    } else if (protocol.slice(0, 4) === 'file') {
      host = '//';
    }
  }
  search = search.replace(/#/g, '%23');
  if (hash && hash[0] !== '#') hash = '#' + hash;
  if (search && search[0] !== '?') search = '?' + search;
  return protocol + host + pathname + search + hash;
};

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  return new Url().parse(url, parseQueryString, slashesDenoteHost);
}

function urlFormat(urlObject) {
  if (typeof urlObject === 'string') {
    urlObject = urlParse(urlObject);
  } else if (typeof urlObject !== 'object' || urlObject === null) {
    var err = new TypeError('The "urlObject" argument must be one of type object or string. Received ' + describeArg(urlObject));
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  } else if (typeof URLClass === 'function' && urlObject instanceof URLClass) {
    return urlObject.href;
  }
  return Url.prototype.format.call(urlObject);
}
