// Conformance of the mock JIRA with the REAL node-oauth 0.10.2 (docs/node-oauth.md).
// Run by node_test.go: node conformance.js, with
//   NODE_OAUTH   the oauth package directory (testdata/node/node_modules/oauth)
//   MOCK_URL     the mock's base URL (it auto-approves, so no browser is needed)
//   CONSUMER_KEY, PRIVATE_KEY_FILE
// It prints one JSON object: {step: {status, data, ...}} for every step.
'use strict';
const fs = require('fs');
const http = require('http');
const OAuth = require(process.env.NODE_OAUTH).OAuth;

const base = process.env.MOCK_URL;
const key = fs.readFileSync(process.env.PRIVATE_KEY_FILE, 'utf8');
const oa = new OAuth(
  base + '/plugins/servlet/oauth/request-token',
  base + '/plugins/servlet/oauth/access-token',
  process.env.CONSUMER_KEY, key, '1.0', 'http://127.0.0.1/node-callback', 'RSA-SHA1');

const results = {};

// step runs fn(cb) and records what node-oauth's callback got.
function step(name, fn) {
  return new Promise((resolve) => {
    fn((err, data, extra) => {
      const r = err ? { status: err.statusCode, data: err.data, error: err.statusCode ? undefined : String(err) }
                    : { status: 200, data: data };
      results[name] = Object.assign(r, extra || {});
      resolve(r);
    });
  });
}

// rawGet sends GET path with headers, no redirect following.
function rawGet(url, headers) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: headers || {} }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, data: body }));
    }).on('error', reject);
  });
}

(async () => {
  let token, secret;
  await step('request_token', (cb) => oa.getOAuthRequestToken((err, t, s, res) => {
    token = t; secret = s;
    cb(err, t ? 'token' : '', { confirmed: res && res.oauth_callback_confirmed });
  }));

  const approval = await rawGet(base + '/plugins/servlet/oauth/authorize?oauth_token=' + encodeURIComponent(token));
  const verifier = new URL(approval.headers.location).searchParams.get('oauth_verifier');
  results.authorize = { status: approval.status, verifier: verifier };

  let at, as;
  await step('access_token', (cb) => oa.getOAuthAccessToken(token, secret, verifier, (err, t, s, res) => {
    at = t; as = s;
    cb(err, t ? 'token' : '', { expires_in: res && res.oauth_expires_in });
  }));

  // REST GETs, as the seed script makes them; all must verify.
  const gets = {
    session: '/rest/auth/1/session',
    user_groups: '/rest/api/2/user?username=fred&expand=groups',
    spaces: '/rest/api/2/myself?q=a%20b&r=a+b',
    plus: '/rest/api/2/myself?q=1%2B1&r=+',
    tilde: '/rest/api/2/myself?q=a~b&r=%7E',
    reserved_raw: "/rest/api/2/myself?q=!*'()",
    reserved_encoded: '/rest/api/2/myself?q=%21%2A%27%28%29',
    unicode: '/rest/api/2/myself?q=' + encodeURIComponent('Jürgen ☃ 名前'),
    empty_value: '/rest/api/2/myself?q=&r&s=1',
    many: '/rest/api/2/myself?z=1&b=2&a=3&a_b=4&A=5',
    path_escape: '/rest/api/2/user?username=fred&x=%2F%3F%26%3D',
  };
  for (const [name, path] of Object.entries(gets)) {
    await step('get_' + name, (cb) => oa.get(base + path, at, as, (e, d) => cb(e, d)));
  }

  // A repeated key: node-oauth signs a[0], a[1]; JIRA (and the mock) sign a=1&a=2.
  await step('repeated_key', (cb) => oa.get(base + '/rest/api/2/myself?a=2&a=1', at, as, (e, d) => cb(e, d)));

  // A pair with an empty name: querystring.parse keeps it ('' = 'x') and
  // node-oauth signs "=x"; Tomcat skips it, so JIRA (and the mock) do not.
  await step('empty_name', (cb) => oa.get(base + '/rest/api/2/myself?=x&q=1', at, as, (e, d) => cb(e, d)));

  // A freshly signed request (new nonce) with one byte altered after signing.
  const signedFor = base + '/rest/api/2/myself?q=abc';
  const header = oa.authHeader(signedFor, at, as, 'GET');
  const altered = await rawGet(base + '/rest/api/2/myself?q=abd', { Authorization: header });
  results.altered_byte = { status: altered.status, data: altered.data };
  // The same header on the URL it was signed for is accepted: the alteration is the cause.
  const unaltered = await rawGet(signedFor, { Authorization: oa.authHeader(signedFor, at, as, 'GET') });
  results.unaltered = { status: unaltered.status };

  process.stdout.write(JSON.stringify(results));
})().catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
