#!/bin/sh
# Innocence experiment through the CLI (not a unit test): a suite of one
# memory hog and four innocent slow cases at --parallel 2 --max-memory 64MiB,
# RUNS times. Only the hog may fail, every time. Usage:
# bench/load/innocence.sh [bin/bridge] [RUNS]
BRIDGE=${1:-bin/bridge}; RUNS=${2:-20}
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
cat > "$dir/s.js" <<'JS'
function(token, tokenSecret, ctx, cb) {
  var OAuth = require('oauth').OAuth;
  var o = new OAuth('', '', ctx.client_id, ctx.client_secret, '1.0', null, 'RSA-SHA1');
  o.get('JIRA_URL/rest/api/2/myself', token, tokenSecret, function(err, data) {
    if (err) return cb(new Error('myself: ' + JSON.stringify(err)));
    var name = JSON.parse(data).name;
    if (name === 'hog') { var h = []; for (;;) h.push('x'.repeat(1 << 20) + h.length); }
    var a = []; for (var i = 0; i < 1000; i++) a.push('y' + i);
    setTimeout(function() { cb(null, {user_id: name, n: a.length}); }, 2000);
  });
}
JS
mkdir "$dir/cases"
echo '{"user": {"name": "hog"}, "expect": {"profile": {"user_id": "hog", "n": 1000}}}' > "$dir/cases/hog.json"
for i in 1 2 3 4; do
  echo "{\"user\": {\"name\": \"u$i\"}, \"expect\": {\"profile\": {\"user_id\": \"u$i\", \"n\": 1000}}}" > "$dir/cases/innocent$i.json"
done
same=0
for i in $(seq "$RUNS"); do
  out=$("$BRIDGE" test --script "$dir/s.js" --cases "$dir/cases" --parallel 2 --max-memory 64MiB --json 2>/dev/null)
  verdicts=$(printf '%s' "$out" | tr ',' '\n' | grep -oE '"(name|status)": *"[^"]*"' | tr -d ' "' | paste -sd' ')
  mem=$(printf '%s' "$out" | grep -o '"outcome": *"memory"' | wc -l)
  echo "run $i: $verdicts (memory outcomes: $mem)"
  case "$verdicts" in
    *"name:hog status:fail"*) if [ "$mem" -eq 1 ] && ! printf '%s' "$verdicts" | grep -q 'innocent[0-9] status:fail'; then same=$((same+1)); fi ;;
  esac
done
echo "innocence: $same of $RUNS runs gave hog fail (memory) and every innocent case pass"
