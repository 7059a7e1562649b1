package script

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLocaleFormatsMatchNode compares Node's ICU en-US output with the
// sandbox's for the default locale (in the time zone both processes share).
func TestLocaleFormatsMatchNode(t *testing.T) {
	src := `function(token, tokenSecret, ctx, cb) {
  var numbers = [1234567.891, 0.12345, 0.0005, 0.0004, -0.0005, -1e21, NaN, Infinity, -Infinity, -0, 0, 2.5, 1.0005, 1.0015,
    123, 1e-7, 999.9996, 999999.9999, -1234.5678, 1e21, 12345678901234567890, 0.1 + 0.2, 5e-324, 1.7976931348623157e308];
  var dates = [Date.UTC(2016, 8, 6, 14, 41, 23, 949), 0, Date.UTC(1999, 11, 31, 23, 59, 59), Date.UTC(2024, 1, 29, 12, 0, 0), Date.UTC(2024, 6, 4, 0, 30, 5), NaN];
  cb(null, {
    numbers: numbers.map(function(n) { return [n.toLocaleString(), n.toLocaleString('en-US'), n.toLocaleString(['en-US']),
      n.toLocaleString('en-US', {minimumFractionDigits: 2}), n.toLocaleString(undefined, {maximumFractionDigits: 0})]; }),
    dates: dates.map(function(ms) {
      var d = new Date(ms);
      return [d.toLocaleString(), d.toLocaleDateString(), d.toLocaleTimeString(), d.toLocaleString('en-US', {timeZone: 'UTC'}),
        d.toLocaleDateString(undefined, {timeZone: 'UTC'}), d.toLocaleTimeString('en', {timeZone: 'UTC'})];
    }),
    arrays: [[1234.5, 6789].toLocaleString(), [new Date(0)].toLocaleString().length > 0]
  });
}`
	want := nodeRunScript(t, src, Context{})
	got := shimRunScript(t, src, runOpts("http://127.0.0.1:1"))
	assert.JSONEq(t, want, got)
}

// TestLocaleNeedsIntl: another locale, or options, would need ICU: the
// sandbox throws rather than print en-US where Node would not.
func TestLocaleNeedsIntl(t *testing.T) {
	for _, call := range []string{"(1234.5).toLocaleString('de-DE')", "(12).toLocaleString('en-US', {style: 'currency', currency: 'EUR'})",
		"new Date(0).toLocaleString('en-GB')", "new Date(0).toLocaleDateString('en-US', {month: 'long'})",
		"new Date(0).toLocaleTimeString('en-US', {timeZone: 'Europe/Berlin'})"} {
		t.Run(call, func(t *testing.T) {
			res := run(t, compileJS(t, "function(token, tokenSecret, ctx, cb) { cb(null, {x: "+call+"}); }"), runOpts("http://127.0.0.1:1"))
			require.Equal(t, KindException, res.Outcome, "%s", res.Profile)
			if strings.HasPrefix(call, "new Date") {
				assert.Contains(t, res.Error.Message, "needs Intl (ICU), which the bridge sandbox does not have")
			} else { // internal/polyfill's Number.prototype.toLocaleString
				assert.Contains(t, res.Error.Message, "bridge emulates only the en-US number format")
			}
		})
	}
}
