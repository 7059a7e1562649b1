// driver.js runs conformance rows through the real node-oauth: one JSON row
// per stdin line, one JSON result per stdout line. The nonce and timestamp
// come from the row (monkeypatched, as a script could); every signature base
// string is recorded by wrapping _createSignatureBase.
// Usage: OAUTH_MODULE=/path/to/node_modules/oauth node driver.js
var fs = require('fs');
var path = require('path');
var readline = require('readline');
var mod = require(process.env.OAUTH_MODULE);
var OAuth = mod.OAuth;
var runRow = eval(fs.readFileSync(path.join(__dirname, 'row.js'), 'utf8'));

var current = null;
OAuth.prototype._getNonce = function () { return current.nonce; };
OAuth.prototype._getTimestamp = function () { return current.timestamp; };
var createBase = OAuth.prototype._createSignatureBase;
var bases = [];
OAuth.prototype._createSignatureBase = function () {
  var b = createBase.apply(this, arguments);
  bases.push(b);
  return b;
};

var queue = [];
var busy = false;
function next() {
  if (busy || queue.length === 0) return;
  busy = true;
  current = JSON.parse(queue.shift());
  bases = [];
  var finished = false;
  runRow(mod, current, function (result) {
    if (finished) return;
    finished = true;
    result.bases = bases;
    process.stdout.write(JSON.stringify(result) + '\n');
    busy = false;
    setImmediate(next);
  });
}
readline.createInterface({ input: process.stdin }).on('line', function (line) {
  queue.push(line);
  next();
});
