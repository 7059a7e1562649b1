package cases

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// Case is one test case: a JIRA user in a flavor of JIRA, faults of the mock,
// and what the script must produce. See doc.go for the file format.
type Case struct {
	Name        string          // path below the cases directory, without ".json"
	File        string          // the file, for messages
	Description string          // what the case shows
	Flavor      jiramock.Flavor // server (default) or cloud
	Protocol    string          // script.ProtocolOAuth1 (default) or script.ProtocolOAuth2
	Token       OAuth2Token     // an oauth2 case's access token: scopes, expiry
	User        *jiramock.User  // what the mock serves as this case's user
	Faults      jiramock.Faults // nil: none
	Timeout     time.Duration   // 0: the suite's time limit
	Expect      Expect
}

// Expect is a case's expectation: exactly one of Profile and Error.
type Expect struct {
	Profile json.RawMessage `json:"profile,omitempty"` // matched exactly: every field, type and value (but see Match)
	Error   *ExpectedError  `json:"error,omitempty"`
	// Match is how Profile is compared: MatchExact (also "") or MatchSubset
	// (only the fields Profile lists). See expect.go.
	Match string `json:"match,omitempty"`
	// Warnings are the rule names of the warning findings the case expects
	// (e.g. email_missing): they do not fail it under --strict, and each must
	// occur.
	Warnings []string `json:"warnings,omitempty"`
}

// ExpectedError expects the script to fail with an outcome of Kind and a
// message that Message matches (nil: any message).
type ExpectedError struct {
	Kind    script.Kind
	Message *regexp.Regexp
}

// MarshalJSON writes the expectation as in a case file.
func (e ExpectedError) MarshalJSON() ([]byte, error) {
	v := struct {
		Kind    script.Kind `json:"kind"`
		Message string      `json:"message,omitempty"`
	}{Kind: e.Kind}
	if e.Message != nil {
		v.Message = e.Message.String()
	}
	return json.Marshal(v)
}

// file is the JSON shape of a case file, decoded after scan has checked the
// field names.
type file struct {
	Description string          `json:"description"`
	Flavor      *string         `json:"flavor"`
	Protocol    *string         `json:"protocol"`
	Token       *tokenFile      `json:"token"`
	User        json.RawMessage `json:"user"`
	Faults      json.RawMessage `json:"faults"`
	Timeout     *string         `json:"timeout"`
	Expect      *struct {
		Profile json.RawMessage `json:"profile"`
		Error   *struct {
			Kind    string `json:"kind"`
			Message string `json:"message"`
		} `json:"error"`
		Match    *string  `json:"match"`
		Warnings []string `json:"warnings"`
	} `json:"expect"`
}

// Parse reads one case file. name is the case's name, path the file name for
// messages. The error is an *Error with file:line:col, or an ErrorList of them
// when the file has several independent problems. A file over 8 MiB, nested
// deeper than MaxDepth or not UTF-8 is refused first (bounds.go).
//
// A good file is decoded strictly once (parseFast); only a file with a
// problem goes through the position scanner (parseLocated), whose
// token-by-token walk is most of the cost of loading a suite, to say where the
// problem is.
func Parse(name, path string, data []byte) (*Case, error) {
	if err := checkBounds(path, data); err != nil {
		return nil, err
	}
	if c := parseFast(name, path, data); c != nil {
		return c, nil
	}
	return parseLocated(name, path, data)
}

// parseFast returns the case of a file with no problem at all, or nil: then
// parseLocated finds and places the problems. It accepts only what
// parseLocated accepts, with the same result: json.Unmarshal checks the syntax
// (one value, nothing after it) and the types, checkNames the field names
// (case-sensitive, no duplicates) where the schema lists them, and build the
// values.
func parseFast(name, path string, data []byte) *Case {
	var f file
	if json.Unmarshal(data, &f) != nil {
		return nil
	}
	obj := bytes.TrimLeft(data, " \t\r\n")
	if len(obj) == 0 || obj[0] != '{' || !checkNames(obj, schema) {
		return nil
	}
	noPos := func(field, format string, args ...any) error { return errNoPos }
	c, err := build(name, path, &f, noPos)
	if err != nil {
		return nil
	}
	return c
}

// errNoPos stands for any problem parseFast meets: parseLocated reports it.
var errNoPos = errors.New("cases: a problem to locate")

// parseLocated parses data with the position scanner, so that every problem
// carries its file:line:col.
func parseLocated(name, path string, data []byte) (*Case, error) {
	pos, serr := scan(path, data)
	if serr != nil {
		return nil, serr
	}
	at := func(field, format string, args ...any) error {
		// The field itself, or else the nearest enclosing field that is there.
		for f := field; f != ""; {
			if off, ok := pos[f]; ok {
				return errAt(path, data, off, format, args...)
			}
			i := strings.LastIndexByte(f, '.')
			if i < 0 {
				break
			}
			f = f[:i]
		}
		return &Error{File: path, Message: fmt.Sprintf(format, args...)}
	}

	var f file
	if err := json.Unmarshal(data, &f); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			if _, ok := pos[te.Field]; ok {
				return nil, at(te.Field, "%s must be %s, not a JSON %s", te.Field, jsonType(te.Type.Kind().String()), te.Value)
			}
			return nil, errAt(path, data, te.Offset, "%s must be %s, not a JSON %s", te.Field, jsonType(te.Type.Kind().String()), te.Value)
		}
		return nil, &Error{File: path, Message: "cannot read the case: " + err.Error()}
	}
	return build(name, path, &f, at)
}

// build makes the case of a decoded file f. at places a problem at a field.
func build(name, path string, f *file, at func(field, format string, args ...any) error) (*Case, error) {
	c := &Case{Name: name, File: path, Description: f.Description, Flavor: jiramock.Server}
	// The checks below are independent: every problem of the file is
	// reported at once, in the order of the fields.
	var bad ErrorList
	fail := func(err error) {
		var e *Error
		if !errors.As(err, &e) {
			e = &Error{File: path, Message: err.Error()}
		}
		bad = append(bad, e)
	}
	if f.Flavor != nil {
		fl, err := jiramock.ParseFlavor(*f.Flavor)
		if err != nil {
			fail(at("flavor", "flavor %q is unknown: use \"server\" or \"cloud\"", *f.Flavor))
		}
		c.Flavor = fl
	}
	if err := parseProtocol(c, f, at); err != nil {
		fail(err)
	}

	if isNull(f.User) {
		fail(at("user", "the case has no \"user\": add the JIRA user object the mock should serve (see testdata/users/)"))
	} else if u, err := jiramock.ParseUser(f.User); err != nil {
		fail(at("user", "user is not a JIRA user object: %v", err))
	} else {
		c.User = &u
	}

	if !isNull(f.Faults) {
		var fs jiramock.Faults
		if err := json.Unmarshal(f.Faults, &fs); err != nil {
			fail(at("faults", "faults: %v", err))
		}
		c.Faults = fs
	}

	if f.Timeout != nil {
		d, err := time.ParseDuration(*f.Timeout)
		if err != nil || d <= 0 {
			fail(at("timeout", "timeout %q is not a positive duration: write e.g. \"200ms\" or \"2s\"", *f.Timeout))
		}
		c.Timeout = d
	}

	if err := parseExpect(c, f, at, path); err != nil {
		fail(err)
	} else if err := parseExpectExtras(c, f, at); err != nil {
		fail(err)
	}
	switch len(bad) {
	case 0:
		return c, nil
	case 1:
		return nil, bad[0]
	}
	// In file order; problems of the file as a whole (no line) last.
	sort.SliceStable(bad, func(i, j int) bool {
		li, lj := bad[i].Line, bad[j].Line
		return li != 0 && (lj == 0 || li < lj)
	})
	return nil, bad
}

// parseExpect fills in c.Expect from the file's "expect".
func parseExpect(c *Case, f *file, at func(field, format string, args ...any) error, path string) error {
	if f.Expect == nil {
		return &Error{File: path, Message: "the case has no \"expect\": add {\"profile\": {…}} or {\"error\": {\"kind\": …, \"message\": …}}"}
	}
	hasProfile, hasError := !isNull(f.Expect.Profile), f.Expect.Error != nil
	switch {
	case hasProfile && hasError:
		return at("expect", "expect has both a profile and an error: a case expects one of them, remove the other")
	case !hasProfile && !hasError:
		return at("expect", "expect is empty: add {\"profile\": {…}} or {\"error\": {\"kind\": …, \"message\": …}}")
	case hasProfile:
		if bytes.TrimSpace(f.Expect.Profile)[0] != '{' {
			return at("expect.profile", "expect.profile must be a JSON object, as the script passes to cb(null, profile)")
		}
		c.Expect.Profile = f.Expect.Profile
	default:
		if f.Expect.Error.Kind == "" {
			return at("expect.error.kind", "expect.error has no kind: add \"kind\": one of %s", ErrorKinds)
		}
		kind, err := script.ParseKind(f.Expect.Error.Kind)
		if err != nil || kind == script.KindProfile {
			return at("expect.error.kind", "error kind %q is unknown: use one of %s", f.Expect.Error.Kind, ErrorKinds)
		}
		ee := &ExpectedError{Kind: kind}
		if f.Expect.Error.Message != "" {
			re, err := regexp.Compile(f.Expect.Error.Message)
			if err != nil {
				return at("expect.error.message", "message is not a valid regexp (Go RE2 syntax; escape . ( ) [ with \\\\): %v", err)
			}
			ee.Message = re
		}
		c.Expect.Error = ee
	}
	return nil
}

// ErrorKinds lists the outcome kinds an expected error may name.
const ErrorKinds = "callback, exception, timeout, double_callback, memory, syntax, crash"

func isNull(raw json.RawMessage) bool {
	t := bytes.TrimSpace(raw)
	return len(t) == 0 || string(t) == "null"
}

func jsonType(goKind string) string {
	switch goKind {
	case "string":
		return "a string"
	case "struct", "map":
		return "an object"
	case "slice", "array":
		return "an array"
	case "bool":
		return "true or false"
	case "ptr":
		return "a value of another type"
	}
	return "a number"
}
