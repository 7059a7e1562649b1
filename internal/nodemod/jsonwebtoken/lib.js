// Helpers of jsonwebtoken 9.0.2 (https://github.com/auth0/node-jsonwebtoken/tree/v9.0.2).
// Line references are to that tag. host gives the Go crypto and base64.
'use strict';

// lib/JsonWebTokenError.js L1-L12
function JsonWebTokenError(message, error) {
  Error.call(this, message);
  if (Error.captureStackTrace) {
    Error.captureStackTrace(this, this.constructor);
  } else {
    captureStack(this);
  }
  this.name = 'JsonWebTokenError';
  this.message = message;
  if (error) this.inner = error;
}
JsonWebTokenError.prototype = Object.create(Error.prototype);
JsonWebTokenError.prototype.constructor = JsonWebTokenError;

// captureStack stands in for V8's Error.captureStackTrace(this,
// this.constructor), which goja lacks: a non-enumerable own 'stack' whose
// header ("Name: message") is read when first accessed, as V8 formats it
// lazily, and whose frames start below the error constructors.
var ownFrames = /^\s*at (captureStack|JsonWebTokenError|TokenExpiredError|NotBeforeError) /;
function captureStack(self) {
  var lines = String(new Error().stack || '').split('\n').slice(1);
  while (lines.length && ownFrames.test(lines[0])) lines.shift();
  var frames = lines.filter(function (l) { return l.trim() !== ''; });
  var stack;
  Object.defineProperty(self, 'stack', {
    configurable: true, enumerable: false,
    get: function () {
      if (stack === undefined) {
        stack = Error.prototype.toString.call(self) + (frames.length ? '\n' + frames.join('\n') : '');
      }
      return stack;
    },
    set: function (v) { stack = v; }
  });
}

// lib/TokenExpiredError.js L3-L11
function TokenExpiredError(message, expiredAt) {
  JsonWebTokenError.call(this, message);
  this.name = 'TokenExpiredError';
  this.expiredAt = expiredAt;
}
TokenExpiredError.prototype = Object.create(JsonWebTokenError.prototype);
TokenExpiredError.prototype.constructor = TokenExpiredError;

// lib/NotBeforeError.js L3-L11
function NotBeforeError(message, date) {
  JsonWebTokenError.call(this, message);
  this.name = 'NotBeforeError';
  this.date = date;
}
NotBeforeError.prototype = Object.create(JsonWebTokenError.prototype);
NotBeforeError.prototype.constructor = NotBeforeError;

// lib/timespan.js L3-L17
function timespan(time, iat) {
  var timestamp = iat || Math.floor(Date.now() / 1000);
  if (typeof time === 'string') {
    var milliseconds = ms(time);
    if (typeof milliseconds === 'undefined') return;
    return Math.floor(timestamp + milliseconds / 1000);
  } else if (typeof time === 'number') {
    return timestamp + time;
  }
}

// jws 3.2.2 lib/verify-stream.js L8-L78 (decode)
var JWS_REGEX = /^[a-zA-Z0-9\-_]+?\.[a-zA-Z0-9\-_]+?\.([a-zA-Z0-9\-_]+)?$/;
function safeJsonParse(thing) {
  try { return JSON.parse(thing); } catch (e) { return undefined; }
}
function jwsDecode(jwsSig, opts) {
  jwsSig = String(jwsSig);
  if (!JWS_REGEX.test(jwsSig)) return null;
  var header = safeJsonParse(host.base64Decode(jwsSig.split('.', 1)[0], 'latin1'));
  if (!header) return null;
  var payload = host.base64Decode(jwsSig.split('.')[1], 'utf8');
  if (header.typ === 'JWT' || opts.json) payload = JSON.parse(payload, opts.encoding);
  return { header: header, payload: payload, signature: jwsSig.split('.')[2] };
}

// decode.js L3-L30
function decode(jwt, options) {
  options = options || {};
  var decoded = jwsDecode(jwt, options);
  if (!decoded) { return null; }
  var payload = decoded.payload;
  if (typeof payload === 'string') {
    try {
      var obj = JSON.parse(payload);
      if (obj !== null && typeof obj === 'object') payload = obj;
    } catch (e) { }
  }
  if (options.complete === true) {
    return { header: decoded.header, payload: payload, signature: decoded.signature };
  }
  return payload;
}

// lib/validateAsymmetricKey.js L4-L31 (the key-details checks of L33-L65
// need curve and PSS parameters, which host.key does not report).
var allowedAlgorithmsForKeys = {
  'ec': ['ES256', 'ES384', 'ES512'],
  'rsa': ['RS256', 'PS256', 'RS384', 'PS384', 'RS512', 'PS512'],
  'rsa-pss': ['PS256', 'PS384', 'PS512']
};
function validateAsymmetricKey(algorithm, key) {
  if (!algorithm || !key) return;
  var keyType = key.asymmetricKeyType;
  if (!keyType) return;
  var allowed = allowedAlgorithmsForKeys[keyType];
  if (!allowed) throw new Error('Unknown key type "' + keyType + '".');
  if (allowed.indexOf(algorithm) === -1) {
    throw new Error('"alg" parameter for "' + keyType + '" key type must be one of: ' + allowed.join(', ') + '.');
  }
}

// jwa 1.4.1 index.js L241-L252: the algorithm names jws accepts.
function checkAlg(alg) {
  if (!/^(RS|PS|ES|HS)(256|384|512)$|^(none)$/i.test(alg)) {
    throw new TypeError('"' + alg + '" is not a valid algorithm.\n  Supported algorithms are:\n  "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512" and "none".');
  }
}

return {
  JsonWebTokenError: JsonWebTokenError,
  NotBeforeError: NotBeforeError,
  TokenExpiredError: TokenExpiredError,
  timespan: timespan,
  decode: decode,
  validateAsymmetricKey: validateAsymmetricKey,
  checkAlg: checkAlg
};
