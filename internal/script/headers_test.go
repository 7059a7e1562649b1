package script

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestRequestModuleHeadersAreChecked: the request module goes through
// Node's http.request too, which refuses bad header names and values
// (ERR_INVALID_HTTP_TOKEN, ERR_INVALID_CHAR, ERR_HTTP_INVALID_HEADER_VALUE);
// node-oauth's side is in the conformance rows.
func TestRequestModuleHeadersAreChecked(t *testing.T) {
	srv := fakeJIRA(t, serverAnswers())
	p := profileOf(t, `function(token, tokenSecret, ctx, cb) {
  var request = require('request');
  var codes = [{'X-A': 'a\r\nInjected: 1'}, {'X A': '1'}, {'X-A': undefined}, {'X-A': '\u2713'}].map(function(h) {
    try { request({url: ctx.requestTokenURL, headers: h}, function() {}); return 'sent'; } catch (e) { return String(e); }
  });
  cb(null, {user_id: '1', codes: codes});
}`, runOpts(srv.URL))
	assert.Equal(t, []any{
		`TypeError [ERR_INVALID_CHAR]: Invalid character in header content ["X-A"]`,
		`TypeError [ERR_INVALID_HTTP_TOKEN]: Header name must be a valid HTTP token ["X A"]`,
		`TypeError [ERR_HTTP_INVALID_HEADER_VALUE]: Invalid value "undefined" for header "X-A"`,
		`TypeError [ERR_INVALID_CHAR]: Invalid character in header content ["X-A"]`,
	}, p["codes"])
}
