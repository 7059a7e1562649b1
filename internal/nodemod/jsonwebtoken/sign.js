// Port of jsonwebtoken 9.0.2 sign.js (L14-L253) and jws 3.2.2
// lib/sign-stream.js L9-L34 (the token encoding). lib holds the helpers of
// lib.js; host the Go crypto.
'use strict';
var SUPPORTED_ALGS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'HS256', 'HS384', 'HS512', 'none'];
function isInteger(v) { return typeof v === 'number' && v === Math.floor(v) && isFinite(v); }
function isString(v) { return typeof v === 'string' || v instanceof String; }
function isPlainObject(v) {
  if (v === null || typeof v !== 'object' || Object.prototype.toString.call(v) !== '[object Object]') return false;
  var proto = Object.getPrototypeOf(v);
  return proto === null || proto === Object.prototype;
}
function isBoolean(v) { return v === true || v === false; }
var sign_options_schema = {
  expiresIn: { isValid: function (v) { return isInteger(v) || (isString(v) && v); }, message: '"expiresIn" should be a number of seconds or string representing a timespan' },
  notBefore: { isValid: function (v) { return isInteger(v) || (isString(v) && v); }, message: '"notBefore" should be a number of seconds or string representing a timespan' },
  audience: { isValid: function (v) { return isString(v) || Array.isArray(v); }, message: '"audience" must be a string or array' },
  algorithm: { isValid: function (v) { return SUPPORTED_ALGS.indexOf(v) !== -1; }, message: '"algorithm" must be a valid string enum value' },
  header: { isValid: isPlainObject, message: '"header" must be an object' },
  encoding: { isValid: isString, message: '"encoding" must be a string' },
  issuer: { isValid: isString, message: '"issuer" must be a string' },
  subject: { isValid: isString, message: '"subject" must be a string' },
  jwtid: { isValid: isString, message: '"jwtid" must be a string' },
  noTimestamp: { isValid: isBoolean, message: '"noTimestamp" must be a boolean' },
  keyid: { isValid: isString, message: '"keyid" must be a string' },
  mutatePayload: { isValid: isBoolean, message: '"mutatePayload" must be a boolean' },
  allowInsecureKeySizes: { isValid: isBoolean, message: '"allowInsecureKeySizes" must be a boolean' },
  allowInvalidAsymmetricKeyTypes: { isValid: isBoolean, message: '"allowInvalidAsymmetricKeyTypes" must be a boolean' }
};
var registered_claims_schema = {
  iat: { isValid: function (v) { return typeof v === 'number'; }, message: '"iat" should be a number of seconds' },
  exp: { isValid: function (v) { return typeof v === 'number'; }, message: '"exp" should be a number of seconds' },
  nbf: { isValid: function (v) { return typeof v === 'number'; }, message: '"nbf" should be a number of seconds' }
};
function validate(schema, allowUnknown, object, parameterName) {
  if (!isPlainObject(object)) throw new Error('Expected "' + parameterName + '" to be a plain object.');
  Object.keys(object).forEach(function (key) {
    var validator = schema[key];
    if (!validator) {
      if (!allowUnknown) throw new Error('"' + key + '" is not allowed in "' + parameterName + '"');
      return;
    }
    if (!validator.isValid(object[key])) throw new Error(validator.message);
  });
}
var options_to_payload = { 'audience': 'aud', 'issuer': 'iss', 'subject': 'sub', 'jwtid': 'jti' };
var options_for_objects = ['expiresIn', 'notBefore', 'noTimestamp', 'audience', 'issuer', 'subject', 'jwtid'];
function toJSONString(v) { return typeof v === 'string' ? v : JSON.stringify(v); }

function claims(payload, options, isObjectPayload) {
  if (typeof payload === 'undefined') throw new Error('payload is required');
  if (isObjectPayload) {
    validate(registered_claims_schema, true, payload, 'payload');
    if (!options.mutatePayload) payload = Object.assign({}, payload);
  } else {
    var invalid = options_for_objects.filter(function (opt) { return typeof options[opt] !== 'undefined'; });
    if (invalid.length > 0) throw new Error('invalid ' + invalid.join(',') + ' option for ' + (typeof payload) + ' payload');
  }
  if (typeof payload.exp !== 'undefined' && typeof options.expiresIn !== 'undefined') throw new Error('Bad "options.expiresIn" option the payload already has an "exp" property.');
  if (typeof payload.nbf !== 'undefined' && typeof options.notBefore !== 'undefined') throw new Error('Bad "options.notBefore" option the payload already has an "nbf" property.');
  validate(sign_options_schema, false, options, 'options');
  return payload;
}

function times(payload, options, isObjectPayload) {
  var timestamp = payload.iat || Math.floor(Date.now() / 1000);
  if (options.noTimestamp) delete payload.iat;
  else if (isObjectPayload) payload.iat = timestamp;
  if (typeof options.notBefore !== 'undefined') {
    payload.nbf = lib.timespan(options.notBefore, timestamp);
    if (typeof payload.nbf === 'undefined') throw new Error('"notBefore" should be a number of seconds or string representing a timespan eg: "1d", "20h", 60');
  }
  if (typeof options.expiresIn !== 'undefined' && typeof payload === 'object') {
    payload.exp = lib.timespan(options.expiresIn, timestamp);
    if (typeof payload.exp === 'undefined') throw new Error('"expiresIn" should be a number of seconds or string representing a timespan eg: "1d", "20h", 60');
  }
  Object.keys(options_to_payload).forEach(function (key) {
    var claim = options_to_payload[key];
    if (typeof options[key] !== 'undefined') {
      if (typeof payload[claim] !== 'undefined') throw new Error('Bad "options.' + key + '" option. The payload already has an "' + claim + '" property.');
      payload[claim] = options[key];
    }
  });
}

function signToken(payload, material, options, isObjectPayload) {
  var header = Object.assign({ alg: options.algorithm || 'HS256', typ: isObjectPayload ? 'JWT' : undefined, kid: options.keyid }, options.header);
  if (!material && options.algorithm !== 'none') throw new Error('secretOrPrivateKey must have a value');
  var key = material != null ? host.key(material, true) : null;
  if (material != null && !key) throw new Error('secretOrPrivateKey is not valid key material');
  if (header.alg.startsWith('HS') && key.type !== 'secret') {
    throw new Error('secretOrPrivateKey must be a symmetric key when using ' + header.alg);
  } else if (/^(?:RS|PS|ES)/.test(header.alg)) {
    if (key.type !== 'private') throw new Error('secretOrPrivateKey must be an asymmetric key when using ' + header.alg);
    if (!options.allowInsecureKeySizes && !header.alg.startsWith('ES') && key.modulusLength < 2048) {
      throw new Error('secretOrPrivateKey has a minimum key size of 2048 bits for ' + header.alg);
    }
  }
  payload = claims(payload, options, isObjectPayload);
  if (!options.allowInvalidAsymmetricKeyTypes) lib.validateAsymmetricKey(header.alg, key);
  times(payload, options, isObjectPayload);
  lib.checkAlg(header.alg);
  var input = host.base64url(toJSONString(header), 'latin1') + '.' + host.base64url(toJSONString(payload), options.encoding || 'utf8');
  return input + '.' + host.sign(header.alg, material, input);
}

return function sign(payload, secretOrPrivateKey, options, callback) {
  if (typeof options === 'function') { callback = options; options = {}; } else { options = options || {}; }
  var isObjectPayload = typeof payload === 'object';
  var token;
  try {
    token = signToken(payload, secretOrPrivateKey, options, isObjectPayload);
  } catch (err) {
    if (callback) return callback(err);
    throw err;
  }
  if (typeof callback !== 'function') return token;
  // jws.createSign emits 'done' asynchronously (a stream); a microtask
  // stands in for it (docs/node-runtime.md "jsonwebtoken").
  Promise.resolve().then(function () { callback(null, token); });
};
