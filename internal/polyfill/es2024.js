// Object.groupBy, Map.groupBy (ES2024, https://tc39.es/ecma262/#sec-object.groupby)
// and Promise.withResolvers (https://tc39.es/ecma262/#sec-promise.withResolvers).
// Defined non-enumerable, writable and configurable like the built-ins.
(function () {
  function def(o, name, fn) {
    Object.defineProperty(o, name, { value: fn, writable: true, enumerable: false, configurable: true });
  }
  function groupBy(items, callback, add) {
    if (items === null || items === undefined) {
      throw new TypeError(items + ' is not iterable');
    }
    if (typeof callback !== 'function') {
      throw new TypeError(callback + ' is not a function');
    }
    var k = 0;
    for (var item of items) {
      add(callback(item, k++), item);
    }
  }
  var objectGroupBy = {
    groupBy: function (items, callback) {
      var out = Object.create(null);
      groupBy(items, callback, function (key, item) {
        key = typeof key === 'symbol' ? key : String(key);
        if (Object.prototype.hasOwnProperty.call(out, key)) out[key].push(item);
        else out[key] = [item];
      });
      return out;
    }
  };
  var mapGroupBy = {
    groupBy: function (items, callback) {
      var out = new Map();
      groupBy(items, callback, function (key, item) {
        if (key === 0) key = 0; // -0 becomes +0 (CanonicalizeKeyedCollectionKey)
        if (out.has(key)) out.get(key).push(item);
        else out.set(key, [item]);
      });
      return out;
    }
  };
  var promise = {
    withResolvers: function () {
      var res, rej;
      var p = new this(function (a, b) { res = a; rej = b; });
      return { promise: p, resolve: res, reject: rej };
    }
  };
  def(Object, 'groupBy', objectGroupBy.groupBy);
  def(Map, 'groupBy', mapGroupBy.groupBy);
  def(Promise, 'withResolvers', promise.withResolvers);
})();
