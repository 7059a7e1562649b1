package script

import (
	"github.com/dop251/goja"
)

// locale is Node's en-US toLocaleString on Date.
type locale struct{ h *host }

// Node 22 and 18 format toLocaleString and friends with ICU, in the en-US locale
// by default (process.versions.icu 73+, Intl.DateTimeFormat().resolvedOptions
// ().locale "en-US"). goja has no Intl: its Number toLocaleString skips
// grouping ((1234567.891) gives "1234567.891", Node "1,234,567.891") and its
// Date ones print "01/01/1970, 00:00:00" (Node "1/1/1970, 12:00:00 AM"). A
// profile built with them would silently differ. The sandbox replaces them
// with Node's en-US output; any other locale, or options other than
// {timeZone: 'UTC'} for dates, throws: that needs ICU, which the bridge lacks.

// localeJS replaces the Date methods. Number.prototype.toLocaleString is
// internal/polyfill's (locale.js), installed after it.
const localeJS = `(function(unsupported) {
  function check(locales, options, dates) {
    var enUS = locales === undefined || locales === 'en-US' || locales === 'en' ||
      (Array.isArray(locales) && locales.length === 1 && (locales[0] === 'en-US' || locales[0] === 'en'));
    var utc = false;
    if (options !== undefined) {
      var keys = Object.keys(Object(options));
      var tz = dates && keys.length === 1 && keys[0] === 'timeZone' && String(options.timeZone).toUpperCase();
      if (tz === 'UTC' || tz === 'ETC/UTC') utc = true;
      else enUS = false;
    }
    if (!enUS) throw unsupported(locales, options);
    return utc;
  }
  function pad(n) { return n < 10 ? '0' + n : '' + n; }
  function date(d, utc) {
    return (utc ? d.getUTCMonth() : d.getMonth()) + 1 + '/' + (utc ? d.getUTCDate() : d.getDate()) + '/' + (utc ? d.getUTCFullYear() : d.getFullYear());
  }
  function time(d, utc) {
    var h = utc ? d.getUTCHours() : d.getHours();
    var h12 = h % 12 === 0 ? 12 : h % 12;
    return h12 + ':' + pad(utc ? d.getUTCMinutes() : d.getMinutes()) + ':' + pad(utc ? d.getUTCSeconds() : d.getSeconds()) + (h < 12 ? ' AM' : ' PM');
  }
  function method(name, f) {
    var m = {};
    m[name] = function(locales, options) {
      var utc = check(locales, options, true);
      if (isNaN(Date.prototype.getTime.call(this))) return 'Invalid Date';
      return f(this, utc);
    };
    Object.defineProperty(Date.prototype, name, {value: m[name], writable: true, configurable: true, enumerable: false});
  }
  method('toLocaleString', function(d, utc) { return date(d, utc) + ', ' + time(d, utc); });
  method('toLocaleDateString', date);
  method('toLocaleTimeString', time);
})`

var localePrg = goja.MustCompile("node:internal/bridge-locale", localeJS, false)

// install puts Node's en-US toLocaleString on Date.
func (l *locale) install() {
	v, err := l.h.vm.RunProgram(localePrg)
	if err != nil {
		panic(err)
	}
	install, _ := goja.AssertFunction(v)
	unsupported := l.h.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		args := describeArg(call.Argument(0))
		if o := call.Argument(1); !goja.IsUndefined(o) {
			if s, err := l.h.stringify(o); err == nil {
				args += " with options " + s
			}
		}
		return l.h.nodeError("Error", "toLocaleString for "+args+" needs Intl (ICU), which the bridge sandbox does not have: "+
			"only the default en-US format can be checked here (see `go doc internal/script`)", nil)
	})
	if _, err := install(goja.Undefined(), unsupported); err != nil {
		panic(err)
	}
}
