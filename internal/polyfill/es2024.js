// Object.groupBy, Map.groupBy (ES2024, https://tc39.es/ecma262/#sec-object.groupby)
// Promise.withResolvers (https://tc39.es/ecma262/#sec-promise.withResolvers)
// and Array.fromAsync.
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
  // Array.fromAsync (ES2026, https://tc39.es/proposal-array-from-async/;
  // V8 12.1, Node 22): awaits each value of an async iterable, a sync
  // iterable or an array-like, then mapfn's result.
  var array = {
    fromAsync: async function fromAsync(items) {
      var mapfn = arguments[1], thisArg = arguments[2];
      if (mapfn !== undefined && typeof mapfn !== 'function') {
        throw new TypeError(mapfn + ' is not a function');
      }
      if (items === null || items === undefined) throw new TypeError(items + ' is not iterable');
      var C = this, out = typeof C === 'function' ? new C() : [];
      var k = 0;
      async function add(v) {
        v = await v;
        out[k] = mapfn ? await mapfn.call(thisArg, v, k) : v;
        k++;
      }
      var asyncIt = items[Symbol.asyncIterator];
      if (asyncIt != null) {
        var it = asyncIt.call(items);
        for (;;) {
          var r = await it.next();
          if (r.done) break;
          out[k] = mapfn ? await mapfn.call(thisArg, r.value, k) : r.value;
          k++;
        }
      } else if (items[Symbol.iterator] != null) {
        for (var v of items) await add(v);
      } else {
        var o = Object(items), len = Math.min(Math.max(Math.trunc(Number(o.length)) || 0, 0), Number.MAX_SAFE_INTEGER);
        for (var i = 0; i < len; i++) await add(o[i]);
      }
      out.length = k;
      return out;
    }
  };
  def(Array, 'fromAsync', array.fromAsync);
  def(Object, 'groupBy', objectGroupBy.groupBy);
  def(Map, 'groupBy', mapGroupBy.groupBy);
  def(Promise, 'withResolvers', promise.withResolvers);
})();
