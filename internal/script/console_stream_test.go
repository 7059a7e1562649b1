package script

import (
	"reflect"
	"testing"
)

// TestOnConsoleStreamsRedactedLines: OnConsole sees each line as it is
// printed, redacted, and the lines it saw are the Result's, the cut marker
// included.
func TestOnConsoleStreamsRedactedLines(t *testing.T) {
	p := MustCompile("s.js", `function(token, tokenSecret, ctx, cb) {
  console.log('one', token);
  console.warn('secret', tokenSecret);
  for (var i = 0; i < 2100; i++) console.info('line ' + i);
  cb(null, {user_id: 'u'});
}`)
	var seen []ConsoleLine
	opts := runOpts("http://127.0.0.1:1")
	opts.OnConsole = func(l ConsoleLine) { seen = append(seen, l) }
	res := run(t, p, opts)
	if res.Outcome != KindProfile {
		t.Fatalf("outcome %s: %v", res.Outcome, res.Error)
	}
	if len(seen) < 3 || seen[0] != (ConsoleLine{Level: "log", Text: "one tok"}) || seen[1] != (ConsoleLine{Level: "warn", Text: "secret [REDACTED]"}) {
		t.Fatalf("first lines seen: %+v", seen[:min(3, len(seen))])
	}
	if !reflect.DeepEqual(seen, res.Console) {
		t.Fatalf("OnConsole saw %d lines, the Result has %d; last seen %+v, last kept %+v",
			len(seen), len(res.Console), seen[len(seen)-1], res.Console[len(res.Console)-1])
	}
}
