package didyoumean

import "testing"

func TestFlag(t *testing.T) {
	names := []string{"jira-url", "consumer-key", "private-key", "dry-run", "domain"}
	for msg, want := range map[string]string{
		"unknown flag: --jira-ulr":          " (did you mean --jira-url?)",
		"unknown flag: --dryrun":            " (did you mean --dry-run?)",
		"unknown flag: --Private-Key":       " (did you mean --private-key?)",
		"unknown flag: --consumer":          " (did you mean --consumer-key?)",
		"unknown flag: --verbose":           "",
		"unknown shorthand flag: 'x' in -x": "",
		"flag needs an argument: --domain":  "",
	} {
		if got := Flag(msg, names); got != want {
			t.Errorf("Flag(%q) = %q; want %q", msg, got, want)
		}
	}
	if got := distance("kitten", "sitting"); got != 3 {
		t.Errorf("distance = %d; want 3", got)
	}
}
