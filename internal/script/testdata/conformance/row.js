// runRow runs one conformance row with node-oauth's module (the real one under
// Node, the bridge's shim under goja): OAuth, or OAuthEcho when echoRealm is
// set, and reports what a script would see.
// It is one function expression, evaluated by driver.js (Node) and embedded
// in a fetchUserProfile-shaped script (Go).
(function runRow(mod, row, done) {
  var OAuth = mod.OAuth;
  function errShape(e) {
    if (e === null || e === undefined) return null;
    if (e instanceof Error) {
      var s = { type: 'Error', name: e.name, message: e.message };
      ['code', 'errno', 'syscall', 'address', 'port', 'hostname', 'library', 'reason'].forEach(function (k) {
        if (e[k] !== undefined) s[k] = e[k];
      });
      return s;
    }
    return { type: typeof e, keys: Object.keys(e), value: e };
  }
  function resShape(res) {
    if (!res) return null;
    return {
      statusCode: res.statusCode, statusMessage: res.statusMessage, httpVersion: res.httpVersion,
      headers: res.headers, rawHeaders: res.rawHeaders
    };
  }
  var o;
  try {
    o = row.echoRealm ?
      new mod.OAuthEcho(row.echoRealm, row.echoVerify, row.consumerKey, row.secret, row.version,
        row.signatureMethod, row.nonceSize, row.customHeaders) :
      new OAuth(row.requestUrl, row.accessUrl, row.consumerKey, row.secret, row.version,
        row.authorizeCallback === '__undefined__' ? undefined : row.authorizeCallback,
        row.signatureMethod, row.nonceSize, row.customHeaders);
    if (row.clientOptions) o.setClientOptions(row.clientOptions);
  } catch (e) {
    return done({ thrown: errShape(e) });
  }
  var extra = row.extra === undefined ? null : row.extra;
  try {
    switch (row.call) {
      case 'authHeader':
        return done({ header: o.authHeader(row.url, row.token, row.tokenSecret, row.method) });
      case 'signUrl':
        return done({ url: o.signUrl(row.url, row.token, row.tokenSecret, row.method) });
      case 'prepare':
        return done({ header: o._buildAuthorizationHeaders(o._prepareParameters(row.token, row.tokenSecret, row.method, row.url, extra)) });
      case 'request':
        return o._performSecureRequest(row.token, row.tokenSecret, row.method, row.url, extra, row.body, row.contentType, function (err, data, res) {
          done({ args: arguments.length, err: errShape(err), data: data, res: resShape(res), extraAfter: extra });
        });
      case 'get':
      case 'delete':
        return o[row.call](row.url, row.token, row.tokenSecret, function (err, data, res) {
          done({ args: arguments.length, err: errShape(err), data: data, res: resShape(res) });
        });
      case 'post':
      case 'put':
        return o[row.call](row.url, row.token, row.tokenSecret, row.body, row.contentType, function (err, data, res) {
          done({ args: arguments.length, err: errShape(err), data: data, res: resShape(res) });
        });
      case 'requestToken':
        var onToken = function (err, token, secret, results) {
          done({ args: arguments.length, err: errShape(err), token: token, secret: secret, results: results, extraAfter: extra });
        };
        return extra ? o.getOAuthRequestToken(extra, onToken) : o.getOAuthRequestToken(onToken);
      case 'accessToken':
        return o.getOAuthAccessToken(row.token, row.tokenSecret, row.verifier, function (err, token, secret, results) {
          done({ args: arguments.length, err: errShape(err), token: token, secret: secret, results: results });
        });
    }
    done({ unknownCall: row.call });
  } catch (e) {
    done({ thrown: errShape(e) });
  }
})
