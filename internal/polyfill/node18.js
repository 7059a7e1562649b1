// Node 18 (V8 10.2) lacks the "change array by copy" methods of arrays and
// typed arrays (V8 11.0, Node 20) and the Set methods (V8 12.2, Node 22) that goja has natively; remove
// them so scripts fail as they would on Node 18 (docs/node-runtime.md).
(function () {
  ['toSorted', 'toReversed', 'toSpliced', 'with'].forEach(function (n) {
    delete Array.prototype[n];
  });
  var typed = Object.getPrototypeOf(Uint8Array.prototype);
  ['toSorted', 'toReversed', 'with'].forEach(function (n) {
    delete typed[n];
  });
  ['union', 'intersection', 'difference', 'symmetricDifference', 'isSubsetOf',
    'isSupersetOf', 'isDisjointFrom'].forEach(function (n) {
    delete Set.prototype[n];
  });
})();
