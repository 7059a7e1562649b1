// Port of parts of Node's lib/util.js and lib/internal/util.js (v22.x):
// promisify, inherits, deprecate; util.types from the value's internal
// class (kindOf, internal/inspect).
'use strict';
var kCustomPromisifiedSymbol = Symbol.for('nodejs.util.promisify.custom');

function invalidArgType(name, type, value) {
  var received;
  if (value === null || value === undefined) received = ' Received ' + value;
  else if (typeof value === 'function') received = ' Received function ' + value.name;
  else if (typeof value === 'object') received = ' Received an instance of ' + ((value.constructor && value.constructor.name) || 'Object');
  else received = ' Received type ' + typeof value + ' (' + inspect(value) + ')';
  var err = new TypeError('The "' + name + '" argument must be of type ' + type + '.' + received);
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

function promisify(original) {
  if (typeof original !== 'function') throw invalidArgType('original', 'function', original);
  if (original[kCustomPromisifiedSymbol]) {
    var custom = original[kCustomPromisifiedSymbol];
    if (typeof custom !== 'function') throw invalidArgType('util.promisify.custom', 'function', custom);
    return Object.defineProperty(custom, kCustomPromisifiedSymbol, { value: custom, enumerable: false, writable: false, configurable: true });
  }
  function fn() {
    var self = this, args = Array.prototype.slice.call(arguments);
    return new Promise(function (resolve, reject) {
      args.push(function (err, value) {
        if (err) return reject(err);
        resolve(value);
      });
      Reflect.apply(original, self, args);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisifiedSymbol, { value: fn, enumerable: false, writable: false, configurable: true });
  return Object.defineProperties(fn, Object.getOwnPropertyDescriptors(original));
}
promisify.custom = kCustomPromisifiedSymbol;

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throw invalidArgType('ctor', 'function', ctor);
  if (superCtor === undefined || superCtor === null) throw invalidArgType('superCtor', 'function', superCtor);
  if (superCtor.prototype === undefined) throw invalidArgType('superCtor.prototype', 'object', superCtor.prototype);
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

function deprecate(fn) {
  if (typeof fn !== 'function') throw invalidArgType('fn', 'function', fn);
  return function deprecated() { return Reflect.apply(fn, this, arguments); };
}

function is(kind) {
  return function (v) { return v !== null && (typeof v === 'object' || typeof v === 'function') && kindOf(v) === kind; };
}
var types = {
  isDate: is('Date'), isRegExp: is('RegExp'), isNativeError: function (v) { return is('Error')(v) && v instanceof Error; },
  isPromise: is('Promise'), isMap: is('Map'), isSet: is('Set'), isWeakMap: is('WeakMap'), isWeakSet: is('WeakSet'),
  isTypedArray: is('TypedArray'), isBoxedPrimitive: function (v) { return ['Number', 'String', 'Boolean', 'Symbol', 'BigInt'].some(function (k) { return is(k)(v); }); },
  isAsyncFunction: function (v) { return typeof v === 'function' && /^async[\s(]|^async function/.test(Function.prototype.toString.call(v)); }
};

return {
  format: format, inspect: inspect, promisify: promisify, inherits: inherits, deprecate: deprecate, types: types,
  isArray: Array.isArray
};
