// Port of jsonwebtoken 9.0.2 verify.js (L11-L263). lib holds the helpers
// of lib.js; host the Go crypto.
'use strict';
var JsonWebTokenError = lib.JsonWebTokenError;
var HS_ALGS = ['HS256', 'HS384', 'HS512'];
var RSA_KEY_ALGS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];
var EC_KEY_ALGS = ['ES256', 'ES384', 'ES512'];
var PUB_KEY_ALGS = RSA_KEY_ALGS;

function checkClaims(payload, options, clockTimestamp) {
  var tol = options.clockTolerance || 0;
  if (typeof payload.nbf !== 'undefined' && !options.ignoreNotBefore) {
    if (typeof payload.nbf !== 'number') return new JsonWebTokenError('invalid nbf value');
    if (payload.nbf > clockTimestamp + tol) return new lib.NotBeforeError('jwt not active', new Date(payload.nbf * 1000));
  }
  if (typeof payload.exp !== 'undefined' && !options.ignoreExpiration) {
    if (typeof payload.exp !== 'number') return new JsonWebTokenError('invalid exp value');
    if (clockTimestamp >= payload.exp + tol) return new lib.TokenExpiredError('jwt expired', new Date(payload.exp * 1000));
  }
  if (options.audience) {
    var audiences = Array.isArray(options.audience) ? options.audience : [options.audience];
    var target = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    var match = target.some(function (t) {
      return audiences.some(function (a) { return a instanceof RegExp ? a.test(t) : a === t; });
    });
    if (!match) return new JsonWebTokenError('jwt audience invalid. expected: ' + audiences.join(' or '));
  }
  if (options.issuer) {
    var bad = (typeof options.issuer === 'string' && payload.iss !== options.issuer) ||
      (Array.isArray(options.issuer) && options.issuer.indexOf(payload.iss) === -1);
    if (bad) return new JsonWebTokenError('jwt issuer invalid. expected: ' + options.issuer);
  }
  if (options.subject && payload.sub !== options.subject) return new JsonWebTokenError('jwt subject invalid. expected: ' + options.subject);
  if (options.jwtid && payload.jti !== options.jwtid) return new JsonWebTokenError('jwt jwtid invalid. expected: ' + options.jwtid);
  if (options.nonce && payload.nonce !== options.nonce) return new JsonWebTokenError('jwt nonce invalid. expected: ' + options.nonce);
  if (options.maxAge) {
    if (typeof payload.iat !== 'number') return new JsonWebTokenError('iat required when maxAge is specified');
    var maxAgeTimestamp = lib.timespan(options.maxAge, payload.iat);
    if (typeof maxAgeTimestamp === 'undefined') return new JsonWebTokenError('"maxAge" should be a number of seconds or string representing a timespan eg: "1d", "20h", 60');
    if (clockTimestamp >= maxAgeTimestamp + tol) return new lib.TokenExpiredError('maxAge exceeded', new Date(maxAgeTimestamp * 1000));
  }
}

function checkKey(header, key, options, parts) {
  var hasSignature = parts[2].trim() !== '';
  if (!hasSignature && key) return new JsonWebTokenError('jwt signature is required');
  if (hasSignature && !key) return new JsonWebTokenError('secret or public key must be provided');
  if (!hasSignature && !options.algorithms) return new JsonWebTokenError('please specify "none" in "algorithms" to verify unsigned tokens');
}

return function verify(jwtString, secretOrPublicKey, options, callback) {
  if ((typeof options === 'function') && !callback) { callback = options; options = {}; }
  if (!options) options = {};
  options = Object.assign({}, options);
  var done = callback || function (err, data) { if (err) throw err; return data; };
  if (options.clockTimestamp && typeof options.clockTimestamp !== 'number') return done(new JsonWebTokenError('clockTimestamp must be a number'));
  if (options.nonce !== undefined && (typeof options.nonce !== 'string' || options.nonce.trim() === '')) return done(new JsonWebTokenError('nonce must be a non-empty string'));
  if (options.allowInvalidAsymmetricKeyTypes !== undefined && typeof options.allowInvalidAsymmetricKeyTypes !== 'boolean') return done(new JsonWebTokenError('allowInvalidAsymmetricKeyTypes must be a boolean'));
  var clockTimestamp = options.clockTimestamp || Math.floor(Date.now() / 1000);
  if (!jwtString) return done(new JsonWebTokenError('jwt must be provided'));
  if (typeof jwtString !== 'string') return done(new JsonWebTokenError('jwt must be a string'));
  var parts = jwtString.split('.');
  if (parts.length !== 3) return done(new JsonWebTokenError('jwt malformed'));
  var decodedToken;
  try { decodedToken = lib.decode(jwtString, { complete: true }); } catch (err) { return done(err); }
  if (!decodedToken) return done(new JsonWebTokenError('invalid token'));
  var header = decodedToken.header;
  var getSecret;
  if (typeof secretOrPublicKey === 'function') {
    if (!callback) return done(new JsonWebTokenError('verify must be called asynchronous if secret or public key is provided as a callback'));
    getSecret = secretOrPublicKey;
  } else {
    getSecret = function (header, cb) { return cb(null, secretOrPublicKey); };
  }
  return getSecret(header, function (err, key) {
    if (err) return done(new JsonWebTokenError('error in secret or public key callback: ' + err.message));
    var keyErr = checkKey(header, key, options, parts);
    if (keyErr) return done(keyErr);
    var material = key;
    if (key != null) {
      key = host.key(key, false);
      if (!key) return done(new JsonWebTokenError('secretOrPublicKey is not valid key material'));
    }
    if (!options.algorithms) {
      if (key.type === 'secret') options.algorithms = HS_ALGS;
      else if (['rsa', 'rsa-pss'].indexOf(key.asymmetricKeyType) !== -1) options.algorithms = RSA_KEY_ALGS;
      else if (key.asymmetricKeyType === 'ec') options.algorithms = EC_KEY_ALGS;
      else options.algorithms = PUB_KEY_ALGS;
    }
    if (options.algorithms.indexOf(decodedToken.header.alg) === -1) return done(new JsonWebTokenError('invalid algorithm'));
    if (header.alg.startsWith('HS') && key.type !== 'secret') {
      return done(new JsonWebTokenError('secretOrPublicKey must be a symmetric key when using ' + header.alg));
    } else if (/^(?:RS|PS|ES)/.test(header.alg) && key.type !== 'public') {
      return done(new JsonWebTokenError('secretOrPublicKey must be an asymmetric key when using ' + header.alg));
    }
    if (!options.allowInvalidAsymmetricKeyTypes) {
      try { lib.validateAsymmetricKey(header.alg, key); } catch (e) { return done(e); }
    }
    var valid;
    try {
      lib.checkAlg(header.alg);
      valid = host.verify(header.alg, material, parts[0] + '.' + parts[1], parts[2]);
    } catch (e) { return done(e); }
    if (!valid) return done(new JsonWebTokenError('invalid signature'));
    var claimErr = checkClaims(decodedToken.payload, options, clockTimestamp);
    if (claimErr) return done(claimErr);
    if (options.complete === true) {
      return done(null, { header: header, payload: decodedToken.payload, signature: decodedToken.signature });
    }
    return done(null, decodedToken.payload);
  });
};
