// Runs fetchUserProfile under real Node with the real oauth@0.10.2 (testdata/node22),
// for the side-by-side of `make bench` (bench/sidebyside). Usage:
//   node bench/node/run.js INPUT.json
// INPUT.json:
//   {"script": "<the script, JIRA_URL rendered>", "ctx": {requestTokenURL, accessTokenURL,
//    client_id, client_secret, ...}, "cases": [{"name", "token", "tokenSecret"}],
//    "concurrency": N, "timeout_ms": T}
// Every case runs on Node's one event loop, at most `concurrency` at a time (0 = all at
// once). node-oauth has no timeout (docs/node-oauth.md), so the whole run is bounded by timeout_ms
// (default 120000): cases still pending then are reported as "timeout".
// Output, one JSON line on stdout:
//   {"wall_ms", "profiles", "errors", "results": [{"name", "outcome", "profile"?, "error"?}]}
// outcome is "profile", "callback" (cb(err): error is String(err) for an Error, as the
// runtime's Error.message shows it, else JSON.stringify(err)), "exception" (thrown) or
// "timeout". wall_ms runs from the first case's start to the last case's end: Node's
// start-up and the script's evaluation are outside it.
'use strict';
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
// require('oauth') resolves in testdata/node22 (Auth0's recommended runtime, docs/auth0.md),
// where `make node-deps` installed it.
const refRequire = createRequire(path.join(__dirname, '..', '..', 'testdata', 'node22', 'package.json'));
// Auth0 stores the script as a function expression (docs/auth0.md "The sandbox"); evaluate it as one.
const fetchUserProfile = new Function('require', 'return (' + input.script + '\n);')(refRequire);

const cases = input.cases;
const results = new Array(cases.length);
const limit = input.concurrency > 0 ? input.concurrency : cases.length;
let next = 0, running = 0, done = 0, finished = false;
let start;

function describe(err) {
  if (err instanceof Error) return String(err);
  try { return JSON.stringify(err); } catch (e) { return String(err); }
}

function settle(i, result) {
  if (results[i]) return; // a second cb: the first one counts, as in Auth0
  results[i] = Object.assign({ name: cases[i].name }, result);
  running--;
  done++;
  if (done === cases.length) finish(); else launch();
}

function launch() {
  while (running < limit && next < cases.length) {
    const i = next++;
    const c = cases[i];
    running++;
    try {
      fetchUserProfile(c.token, c.tokenSecret, input.ctx, function(err, profile) {
        if (err) settle(i, { outcome: 'callback', error: describe(err) });
        else settle(i, { outcome: 'profile', profile: profile });
      });
    } catch (e) {
      settle(i, { outcome: 'exception', error: describe(e) });
    }
  }
}

function finish() {
  if (finished) return;
  finished = true;
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  for (let i = 0; i < cases.length; i++) {
    if (!results[i]) results[i] = { name: cases[i].name, outcome: 'timeout', error: 'no cb within timeout_ms' };
  }
  const profiles = results.filter(r => r.outcome === 'profile').length;
  // Exit once the output is flushed: stdout to a pipe is asynchronous.
  process.stdout.write(JSON.stringify({ wall_ms: wallMs, profiles: profiles, errors: results.length - profiles, results: results }) + '\n',
    () => process.exit(0));
}

setTimeout(finish, input.timeout_ms > 0 ? input.timeout_ms : 120000);
start = process.hrtime.bigint();
if (cases.length === 0) finish(); else launch();
