// String.prototype.isWellFormed / toWellFormed (ES2024,
// https://tc39.es/ecma262/#sec-string.prototype.iswellformed): lone surrogates
// are not well formed; toWellFormed replaces each with U+FFFD.
(function () {
  function str(v, name) {
    if (v === null || v === undefined) {
      throw new TypeError('String.prototype.' + name + ' called on null or undefined');
    }
    return String(v);
  }
  function walk(s, onLone) {
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.length) {
        var d = s.charCodeAt(i + 1);
        if (d >= 0xDC00 && d <= 0xDFFF) { i++; continue; }
      }
      if (c >= 0xD800 && c <= 0xDFFF && onLone(i)) return false;
    }
    return true;
  }
  var m = {
    isWellFormed: function () {
      return walk(str(this, 'isWellFormed'), function () { return true; });
    },
    toWellFormed: function () {
      var s = str(this, 'toWellFormed'), bad = {};
      walk(s, function (i) { bad[i] = true; return false; });
      var out = '';
      for (var i = 0; i < s.length; i++) out += bad[i] ? '\uFFFD' : s[i];
      return out;
    }
  };
  ['isWellFormed', 'toWellFormed'].forEach(function (name) {
    Object.defineProperty(String.prototype, name, { value: m[name], writable: true, enumerable: false, configurable: true });
  });
})();
