package main

import (
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
)

// parserMessage is the JSON.parse message inside the script's "returned
// invalid JSON (…)" errors: V8's and goja's wording differ, the rest must not.
var parserMessage = regexp.MustCompile(`returned invalid JSON \(.*?\): `)

// compare checks that Node and bridge got the same thing for every case:
// equal profiles (every field, type and value), or the same error message.
// It returns one line per difference.
func compare(rep *bridgeReport, out *nodeOutput) []string {
	var diffs []string
	byName := map[string]int{}
	for i, r := range out.Results {
		byName[r.Name] = i
	}
	for _, c := range rep.Cases {
		i, ok := byName[c.Name]
		if !ok {
			diffs = append(diffs, c.Name+": Node did not run it")
			continue
		}
		n := out.Results[i]
		switch {
		case c.Outcome != n.Outcome:
			diffs = append(diffs, fmt.Sprintf("%s: bridge %s, Node %s (%s)", c.Name, c.Outcome, n.Outcome, n.Error))
		case c.Outcome == "profile":
			if !sameJSON(c.Profile, n.Profile) {
				diffs = append(diffs, fmt.Sprintf("%s: profiles differ:\n  bridge %s\n  Node   %s", c.Name, c.Profile, n.Profile))
			}
		default:
			var msg string
			if c.Error != nil {
				msg = c.Error.Message
			}
			if a, b := parserMessage.ReplaceAllString(msg, "returned invalid JSON (…): "), parserMessage.ReplaceAllString(n.Error, "returned invalid JSON (…): "); a != b {
				diffs = append(diffs, fmt.Sprintf("%s: messages differ:\n  bridge %q\n  Node   %q", c.Name, msg, n.Error))
			}
		}
	}
	return diffs
}

func sameJSON(a, b json.RawMessage) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	return reflect.DeepEqual(x, y)
}
