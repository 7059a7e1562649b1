// kindOf tells a value's internal class, as V8's IsMap/IsSet/... do in
// Node's formatRaw. goja's class name covers Array, Function, Date, RegExp,
// Error and the boxed Number/String/Boolean; for the others the prototype
// chain proposes a kind and a brand check (a built-in getter or method
// throws on other objects) confirms it. An object whose prototype was
// changed away from its built-in one prints as a plain object (Node would
// still see the internal class).
var brands = (function () {
  var get = function (proto, name) { return Object.getOwnPropertyDescriptor(proto, name).get; };
  var typedProto = Object.getPrototypeOf(Uint8Array.prototype);
  var typedTag = get(typedProto, Symbol.toStringTag);
  return [
    ['Map', Map.prototype, get(Map.prototype, 'size'), []],
    ['Set', Set.prototype, get(Set.prototype, 'size'), []],
    ['WeakMap', WeakMap.prototype, WeakMap.prototype.has, [{}]],
    ['WeakSet', WeakSet.prototype, WeakSet.prototype.has, [{}]],
    ['Symbol', Symbol.prototype, Symbol.prototype.valueOf, []],
    ['BigInt', BigInt.prototype, BigInt.prototype.valueOf, []],
    ['TypedArray', typedProto, function () { if (typedTag.call(this) === undefined) throw new TypeError(); }, []]
  ];
})();
var isProto = Object.prototype.isPrototypeOf;

function kindOf(value) {
  var k = host.kind(value);
  if (k !== 'Object') return k;
  var proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) return 'Object';
  for (var i = 0; i < brands.length; i++) {
    if (!isProto.call(brands[i][1], value)) continue;
    try {
      brands[i][2].apply(value, brands[i][3]);
      return brands[i][0];
    } catch (e) { /* not this brand */ }
  }
  if (value instanceof Error) return 'Error';
  return 'Object';
}
