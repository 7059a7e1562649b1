// Number.prototype.toLocaleString for the en-US locale, the default locale
// of Node's full-icu build under Auth0 (docs/node-runtime.md "toLocaleString").
// Follows ECMA-402 defaults (https://tc39.es/ecma402/#sec-intl.numberformat):
// grouping by thousands with ',', minimumFractionDigits 0,
// maximumFractionDigits 3, half-expand rounding on the shortest decimal form.
// Other locales and the style, currency and notation options need full Intl,
// which bridge does not have: they throw with a note instead of printing
// something else.
(function () {
  var note = ' (bridge emulates only the en-US number format, docs/node-runtime.md)';
  function digits(v, def, name) {
    if (v === undefined) return def;
    v = Number(v);
    if (!(v >= 0 && v <= 100) || v !== Math.floor(v)) {
      throw new RangeError(name + ' value is out of range.');
    }
    return v;
  }
  // plain is the shortest decimal form of x >= 0 (what String(x) prints)
  // without an exponent: ICU formats those digits, so 12345678901234567890
  // prints as 12,345,678,901,234,567,000 and 1.7976931348623157e308 as its
  // 17 digits then zeros (toFixed and BigInt would print the binary value).
  function plain(x) {
    var s = String(x), m = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
    if (!m) return s;
    var all = m[1] + (m[2] || ''), point = m[1].length + Number(m[3]);
    if (point >= all.length) return all + '0'.repeat(point - all.length);
    if (point <= 0) return '0.' + '0'.repeat(-point) + all;
    return all.slice(0, point) + '.' + all.slice(point);
  }
  // roundDecimal rounds half away from zero on the shortest decimal form of
  // x, as ICU does: 1.0005 gives 1.001 where toFixed(3) would give 1.000.
  function roundDecimal(x, max) {
    var s = plain(x);
    var dot = s.indexOf('.');
    if (dot < 0) return max ? s + '.' + '0'.repeat(max) : s;
    if (s.length - dot - 1 <= max) return s + '0'.repeat(max - (s.length - dot - 1));
    var digits = (s.slice(0, dot) + s.slice(dot + 1, dot + 1 + max)).split('');
    if (s.charCodeAt(dot + 1 + max) >= 53) { // '5'
      var i = digits.length - 1;
      for (; i >= 0 && digits[i] === '9'; i--) digits[i] = '0';
      if (i < 0) digits.unshift('1'); else digits[i] = String(+digits[i] + 1);
    }
    var int = digits.slice(0, digits.length - max).join('') || '0';
    return max ? int + '.' + digits.slice(digits.length - max).join('') : int;
  }
  function toLocaleString(locales, options) {
    var x = Number.prototype.valueOf.call(this);
    if (locales !== undefined && !/^en(-US)?$/i.test(String(locales))) {
      throw new RangeError('Unsupported locale ' + JSON.stringify(String(locales)) + note);
    }
    options = options || {};
    ['style', 'currency', 'notation', 'unit', 'compactDisplay', 'signDisplay', 'minimumSignificantDigits', 'maximumSignificantDigits'].forEach(function (k) {
      if (options[k] !== undefined && !(k === 'style' && options[k] === 'decimal')) {
        throw new RangeError('Unsupported option ' + k + note);
      }
    });
    var min = digits(options.minimumFractionDigits, 0, 'minimumFractionDigits');
    var max = digits(options.maximumFractionDigits, Math.max(min, 3), 'maximumFractionDigits');
    if (min > max) throw new RangeError('maximumFractionDigits value is out of range.');
    if (x !== x) return 'NaN';
    if (x === Infinity) return '∞';
    if (x === -Infinity) return '-∞';
    var neg = x < 0 || (x === 0 && 1 / x < 0);
    var s = roundDecimal(Math.abs(x), max);
    var dot = s.indexOf('.');
    var int = dot < 0 ? s : s.slice(0, dot);
    var frac = dot < 0 ? '' : s.slice(dot + 1);
    while (frac.length > min && frac[frac.length - 1] === '0') frac = frac.slice(0, -1);
    if (options.useGrouping !== false) int = int.replace(/\B(?=(\d{3})+$)/g, ',');
    return (neg ? '-' : '') + int + (frac ? '.' + frac : '');
  }
  Object.defineProperty(Number.prototype, 'toLocaleString', {
    value: toLocaleString, writable: true, enumerable: false, configurable: true
  });
})();
