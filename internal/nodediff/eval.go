package nodediff

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/jira-auth0-bridge/bridge/internal/testenv"
)

// driver reads the snippets (a JSON array) on stdin, runs each as an async
// function body with require in scope, and prints one JSON array of results.
// Values go through JSON.stringify, so they must be JSON-representable
// (convert a Buffer with toJSON or toString first).
const driver = `'use strict';
const snippets = JSON.parse(require('fs').readFileSync(0, 'utf8'));
(async () => {
  const out = [];
  for (const src of snippets) {
    try {
      const fn = new Function('require', 'return (async () => {\n' + src + '\n})();');
      const v = await fn(require);
      out.push(v === undefined ? {undefined: true} : {value: JSON.parse(JSON.stringify(v))});
    } catch (e) {
      out.push({error: e instanceof Error ? {name: e.name, message: e.message} : {name: '', message: String(e)}});
    }
  }
  process.stdout.write(JSON.stringify(out));
})();`

// Eval runs snippets in order in one rt process and returns one Result each.
// An error means node itself failed (missing, crashed, printed no results),
// not that a snippet threw.
func Eval(ctx context.Context, rt testenv.Runtime, snippets []string) ([]Result, error) {
	in, err := json.Marshal(snippets)
	if err != nil {
		return nil, fmt.Errorf("nodediff: encode snippets: %w", err)
	}
	cmd := rt.CommandContext(ctx, "-e", driver)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("nodediff: %s (%s): %w; stderr: %s", rt.Name, rt.Node(), err, stderr.String())
	}
	var res []Result
	if err := json.Unmarshal(out, &res); err != nil || len(res) != len(snippets) {
		return nil, fmt.Errorf("nodediff: %s printed %d bytes that are not %d results (%v); stderr: %s", rt.Name, len(out), len(snippets), err, stderr.String())
	}
	return res, nil
}
