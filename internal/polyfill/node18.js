// Node 18 (V8 10.2) lacks the "change array by copy" methods (V8 11.0, Node
// 20) and the Set methods (V8 12.2, Node 22) that goja has natively; remove
// them so scripts fail as they would on Node 18 (docs/node-runtime.md).
(function () {
  ['toSorted', 'toReversed', 'toSpliced', 'with'].forEach(function (n) {
    delete Array.prototype[n];
  });
  ['union', 'intersection', 'difference', 'symmetricDifference', 'isSubsetOf',
    'isSupersetOf', 'isDisjointFrom'].forEach(function (n) {
    delete Set.prototype[n];
  });
})();
