// Number.prototype.toLocaleString for the en-US locale, the default locale
// of Node's full-icu build under Auth0 (docs/node-runtime.md "toLocaleString").
// Follows ECMA-402 defaults (https://tc39.es/ecma402/#sec-intl.numberformat):
// grouping by thousands with ',', minimumFractionDigits 0,
// maximumFractionDigits 3, half-expand rounding (here through toFixed, which
// rounds the binary value: rare ties may differ). Other locales and the style,
// currency and notation options need full Intl, which bridge does not have:
// they throw with a note instead of printing something else.
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
    var s = Math.abs(x).toFixed(max);
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
