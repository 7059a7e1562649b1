// url.resolve(from, to): RFC 3986 section 5.2 reference resolution over
// legacy-parsed URLs, which is what Node's Url.prototype.resolveObject
// (lib/url.js) does for the common cases: an absolute or relative path, a
// query, a fragment or a full URL against an http(s) base or a bare path.
// Node's special cases for non-slashed protocols and for relative bases with
// '..' above the root are not reproduced (docs/node-runtime.md "url").
function removeDotSegments(path) {
  var out = [], segs = path.split('/');
  for (var i = 0; i < segs.length; i++) {
    var s = segs[i];
    if (s === '..') { if (out.length > 1 || (out.length === 1 && out[0] !== '')) out.pop(); }
    else if (s !== '.') out.push(s);
  }
  var last = segs[segs.length - 1];
  if (last === '.' || last === '..') out.push('');
  return out.join('/');
}

function urlResolve(source, relative) {
  var base = urlParse(source, false, true);
  var rel = urlParse(relative, false, true);
  var r = new Url();
  if (rel.protocol && rel.protocol !== base.protocol) return rel.format();
  r.protocol = base.protocol;
  if (rel.host !== null || rel.slashes) {
    r.slashes = rel.slashes; r.auth = rel.auth; r.host = rel.host; r.hostname = rel.hostname; r.port = rel.port;
    r.pathname = removeDotSegments(rel.pathname || '/'); r.search = rel.search;
  } else {
    r.slashes = base.slashes; r.auth = base.auth; r.host = base.host; r.hostname = base.hostname; r.port = base.port;
    if (!rel.pathname) {
      r.pathname = base.pathname;
      r.search = rel.search !== null ? rel.search : base.search;
    } else {
      if (rel.pathname[0] === '/') {
        r.pathname = removeDotSegments(rel.pathname);
      } else {
        var bp = base.pathname || (base.host ? '/' : '');
        var merged = bp.slice(0, bp.lastIndexOf('/') + 1) + rel.pathname;
        r.pathname = removeDotSegments(merged);
      }
      r.search = rel.search;
    }
  }
  r.hash = rel.hash;
  if (has(slashedProtocol, r.protocol) && r.host && !r.pathname) r.pathname = '/';
  return r.format();
}

return {
  Url: Url,
  parse: urlParse,
  format: urlFormat,
  resolve: urlResolve,
  resolveObject: function (source, relative) { return urlParse(urlResolve(source, relative)); }
};
