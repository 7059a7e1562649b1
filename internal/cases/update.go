package cases

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// Actual is what a case's run produced: what Update writes into its expect.
type Actual struct {
	Outcome  script.Kind // script.KindProfile, or the error's kind
	Profile  []byte      // the profile's JSON, for KindProfile
	Message  string      // the error's message, otherwise
	Warnings []string    // the rules of the profile's warning findings
}

// Update returns the case file data with its "expect" rewritten from a, and
// what changed, one line a change (none: the file already matches). Only the
// bytes of the expect value change: the rest of the file is kept as it is,
// and the new expect is two-space indented at the depth of the old one, with
// its keys (and the profile's, recursively) in their existing order, new keys
// after them. A "subset" expectation keeps its listed fields (their values
// updated, missing ones dropped); an error message becomes an anchored
// literal regexp with ephemeral parts generalized (GeneralizeMessage).
func Update(c *Case, data []byte, a Actual) ([]byte, []string, error) {
	pos, serr := scan(c.File, data)
	if serr != nil {
		return nil, nil, serr
	}
	start, ok := pos["expect"]
	if !ok {
		return nil, nil, &Error{File: c.File, Message: "the case has no \"expect\" to update"}
	}
	end := valueEnd(data, int(start))
	old, err := parseOrdered(data[start:end])
	if err != nil {
		return nil, nil, fmt.Errorf("%s: reading expect: %w", c.File, err)
	}
	next, changes, err := newExpect(c, old, a)
	if err != nil {
		return nil, nil, err
	}
	if len(changes) == 0 {
		return data, nil, nil
	}
	lineStart := bytes.LastIndexByte(data[:start], '\n') + 1
	indent := data[lineStart:start]
	indent = indent[:len(indent)-len(bytes.TrimLeft(indent, " \t"))]
	var b strings.Builder
	next.write(&b, string(indent))
	out := slices.Concat(data[:start], []byte(b.String()), data[end:])
	return out, changes, nil
}

// newExpect builds the expect object for a, ordered after old.
func newExpect(c *Case, old *ovalue, a Actual) (*ovalue, []string, error) {
	var changes []string
	next := &ovalue{isObj: true}
	if a.Outcome == script.KindProfile {
		prof, err := parseOrdered(a.Profile)
		if err != nil || !prof.isObj {
			return nil, nil, fmt.Errorf("%s: the script's profile is not a JSON object: cannot write it as expect.profile", c.File)
		}
		if c.Expect.Subset() {
			if listed := old.get("profile"); listed != nil {
				sub := &ovalue{isObj: true}
				for _, kv := range listed.obj {
					if v := prof.get(kv.key); v != nil {
						sub.obj = append(sub.obj, okv{kv.key, v})
					}
				}
				prof = sub
			}
			next.obj = append(next.obj, okv{"match", &ovalue{scalar: encodeScalar(MatchSubset)}})
		} else if m := old.get("match"); m != nil {
			next.obj = append(next.obj, okv{"match", m})
		}
		next.obj = append(next.obj, okv{"profile", prof})
		if len(a.Warnings) > 0 {
			w := &ovalue{isArr: true}
			for _, r := range uniqueSorted(a.Warnings) {
				w.arr = append(w.arr, &ovalue{scalar: encodeScalar(r)})
			}
			next.obj = append(next.obj, okv{"warnings", w})
		}
	} else {
		e := &ovalue{isObj: true, obj: []okv{{"kind", &ovalue{scalar: encodeScalar(string(a.Outcome))}}}}
		oldErr := c.Expect.Error
		msg := GeneralizeMessage(a.Message)
		// A regexp that still matches (and the same kind) is the author's:
		// keep it rather than replace it with a literal.
		if oldErr != nil && oldErr.Kind == a.Outcome && (oldErr.Message == nil || oldErr.Message.MatchString(a.Message)) {
			if oldErr.Message != nil {
				msg = oldErr.Message.String()
			} else {
				msg = ""
			}
		}
		if msg != "" {
			e.obj = append(e.obj, okv{"message", &ovalue{scalar: encodeScalar(msg)}})
		}
		next.obj = append(next.obj, okv{"error", e})
	}
	next = reorder(old, next)
	var before, after strings.Builder
	old.write(&before, "")
	next.write(&after, "")
	if before.String() != after.String() {
		changes = append(changes, describeUpdate(c, a))
	}
	return next, changes, nil
}

func describeUpdate(c *Case, a Actual) string {
	switch {
	case a.Outcome == script.KindProfile && c.Expect.Error != nil:
		return fmt.Sprintf("%s: expect: error %s -> profile", c.File, c.Expect.Error.Kind)
	case a.Outcome == script.KindProfile:
		return fmt.Sprintf("%s: expect.profile updated", c.File)
	case c.Expect.Error == nil:
		return fmt.Sprintf("%s: expect: profile -> error %s", c.File, a.Outcome)
	}
	return fmt.Sprintf("%s: expect.error -> %s %s", c.File, a.Outcome, GeneralizeMessage(a.Message))
}

func uniqueSorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return slices.Compact(s)
}

// ephemeral are the parts of an error message that change from run to run:
// the mock's loopback port, OAuth tokens, nonces, signatures and timestamps,
// long hex identifiers and durations. GeneralizeMessage matches them with a
// pattern instead of their literal text.
var ephemeral = []struct{ find, pattern string }{
	{`(?:127\.0\.0\.1|localhost|\[::1\]):\d+`, ""}, // host kept, port generalized (below)
	{`\boauth_(?:token|nonce|signature|timestamp|verifier)=[^&\s"',)]+`, ""},
	{`\b[0-9a-fA-F]{16,}\b`, `[0-9a-fA-F]+`},
	{`\b\d+(?:\.\d+)?(?:ns|µs|us|ms|s|m|h)\b`, `[0-9.]+(?:ns|µs|us|ms|s|m|h)`},
}

var ephemeralRe = func() *regexp.Regexp {
	var parts []string
	for _, e := range ephemeral {
		parts = append(parts, "("+e.find+")")
	}
	return regexp.MustCompile(strings.Join(parts, "|"))
}()

// GeneralizeMessage returns an anchored regexp that matches msg literally,
// except for its ephemeral parts (see ephemeral), which match any value of
// their kind: "connect ECONNREFUSED 127.0.0.1:43121" becomes
// `^connect ECONNREFUSED 127\.0\.0\.1:\d+$`.
func GeneralizeMessage(msg string) string {
	var b strings.Builder
	b.WriteByte('^')
	last := 0
	for _, m := range ephemeralRe.FindAllStringSubmatchIndex(msg, -1) {
		b.WriteString(regexp.QuoteMeta(msg[last:m[0]]))
		s := msg[m[0]:m[1]]
		switch {
		case m[2] >= 0: // host:port
			i := strings.LastIndexByte(s, ':')
			b.WriteString(regexp.QuoteMeta(s[:i+1]) + `\d+`)
		case m[4] >= 0: // oauth_x=value
			i := strings.IndexByte(s, '=')
			b.WriteString(regexp.QuoteMeta(s[:i+1]) + `[^&\s"',)]+`)
		case m[6] >= 0:
			b.WriteString(ephemeral[2].pattern)
		default:
			b.WriteString(ephemeral[3].pattern)
		}
		last = m[1]
	}
	b.WriteString(regexp.QuoteMeta(msg[last:]))
	b.WriteByte('$')
	return b.String()
}

// UpdateFile rewrites c's file with Update, atomically (a temporary file in
// the same directory, renamed over it, keeping its mode), and returns the
// changes.
func UpdateFile(c *Case, a Actual) ([]string, error) {
	data, err := os.ReadFile(c.File)
	if err != nil {
		return nil, fmt.Errorf("updating %s: %w", c.File, err)
	}
	out, changes, err := Update(c, data, a)
	if err != nil || len(changes) == 0 {
		return changes, err
	}
	info, err := os.Stat(c.File)
	if err != nil {
		return nil, fmt.Errorf("updating %s: %w", c.File, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(c.File), ".bridge-update-*")
	if err != nil {
		return nil, fmt.Errorf("updating %s: %w; check that its directory is writable", c.File, err)
	}
	_, werr := tmp.Write(out)
	cerr := tmp.Close()
	if werr == nil && cerr == nil {
		if err := os.Chmod(tmp.Name(), info.Mode().Perm()); err == nil {
			if err := os.Rename(tmp.Name(), c.File); err == nil {
				return changes, nil
			} else {
				werr = err
			}
		} else {
			werr = err
		}
	}
	os.Remove(tmp.Name())
	return nil, fmt.Errorf("updating %s: %v", c.File, errorsJoin(werr, cerr))
}

func errorsJoin(a, b error) error {
	if a != nil {
		return a
	}
	return b
}
