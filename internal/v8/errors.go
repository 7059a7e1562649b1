package v8

import (
	"regexp"
	"strings"
)

// goja's own error messages differ from V8's (Node 20), and scripts' users
// read them (Auth0 shows what Node says). ErrorText rewrites the ones whose V8
// form is certain, each pair checked under node by internal/script's
// TestV8ErrorMessagesMatchNode.
// It runs where a JS error becomes Result.Error (post hoc: goja has no hook
// where it creates its TypeErrors, so a script that catches one still reads
// goja's words in e.message; internal/script's doc.go says so).

// textMaps are rewrites that need the message alone.
var textMaps = []struct {
	re   *regexp.Regexp
	repl string
}{
	// goja vm.go getProp: "Cannot read property 'x' of undefined", also for
	// null (V8 says null there; the text cannot tell, internal/script's doc.go).
	{regexp.MustCompile(`^TypeError: Cannot read property '(.*)' of undefined$`), "TypeError: Cannot read properties of undefined (reading '$1')"},
	// goja vm.go getPropCallee, a method called on undefined or null
	// (`a.x()`): V8 names the property read, as for a plain read; null reads
	// as undefined here too (docs/node-runtime.md "V8 messages and the agent").
	{regexp.MustCompile(`^TypeError: Cannot read property '(.*)' of undefined or null$`), "TypeError: Cannot read properties of undefined (reading '$1')"},
	// goja builtin_global.go: decodeURI/decodeURIComponent/encodeURI*.
	{regexp.MustCompile(`^URIError: Malformed URI$`), "URIError: URI malformed"},
	// goja object.go toPrimitive: "Could not convert %v (%T) to primitive"
	// prints a Go struct and type (String(o) where toString and valueOf
	// return objects); V8 (runtime ToPrimitive) says "Cannot convert object
	// to primitive value".
	{regexp.MustCompile(`(?s)^TypeError: Could not convert .* to primitive$`), "TypeError: Cannot convert object to primitive value"},
}

var (
	noMember    = regexp.MustCompile(`^TypeError: Object has no member '(.*)'$`)
	notAnObject = regexp.MustCompile(`^TypeError: Value is not an object: .*$`)
	notCallable = regexp.MustCompile(`^TypeError: Not a function: .*$`) // goja object.go: an object that is not callable
	// calleeChain is a callee V8 names in full: a name, then .name or
	// ['name'] / ["name"] steps (V8 writes those as .name).
	calleeChain = regexp.MustCompile(`([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*|\[\s*'[A-Za-z_$][\w$]*'\s*\]|\[\s*"[A-Za-z_$][\w$]*"\s*\])*)\s*$`)
	chainStep   = regexp.MustCompile(`\s*\.\s*|\[\s*['"]|['"]\s*\]`)
	// setDot and setIndex are a plain assignment (not ==, =>, +=) to .name or
	// to a literal key.
	setDot    = regexp.MustCompile(`^([A-Za-z_$][\w$]*)\s*=(?:[^=>]|$)`)
	setIndex  = regexp.MustCompile(`^\[\s*(?:'([^'\\]*)'|"([^"\\]*)"|(0|[1-9]\d*))\s*\]\s*=(?:[^=>]|$)`)
	newCallee = regexp.MustCompile(`^new\s+([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*(?:[(;,)\n]|$)`)
)

// ErrorText returns V8's text for goja's "Name: message" line. at is the
// source from the throwing frame's position on (empty when that frame is not
// in the script) and before the source before it on the same line; the call
// forms need them to name the callee as V8 does ("a.b.f is not a function").
func ErrorText(text, before, at string) string {
	for _, m := range textMaps {
		if m.re.MatchString(text) {
			return m.re.ReplaceAllString(text, m.repl)
		}
	}
	if at == "" {
		return text
	}
	if v8, ok := iterationText(text, before, at); ok {
		return v8
	}
	// An assignment to a property of undefined: goja's frame is on the
	// property (after the "."), or on the "[" of a literal key.
	if text == "TypeError: Cannot convert undefined or null to object" {
		if m := setDot.FindStringSubmatch(at); m != nil && strings.HasSuffix(strings.TrimRight(before, " \t"), ".") {
			return "TypeError: Cannot set properties of undefined (setting '" + m[1] + "')"
		}
		if m := setIndex.FindStringSubmatch(at); m != nil {
			return "TypeError: Cannot set properties of undefined (setting '" + m[1] + m[2] + m[3] + "')"
		}
		return text
	}
	// A call: goja's frame is on the call's "(", right after the callee.
	if strings.HasPrefix(at, "(") {
		c := calleeChain.FindStringSubmatchIndex(before)
		if c == nil || !wholeCallee(before[:c[2]]) {
			return text
		}
		name := v8Chain(before[c[2]:c[3]])
		if m := noMember.FindStringSubmatch(text); m != nil {
			if strings.HasSuffix(name, "."+m[1]) {
				return "TypeError: " + name + " is not a function"
			}
			return text
		}
		if notAnObject.MatchString(text) || notCallable.MatchString(text) {
			return "TypeError: " + name + " is not a function"
		}
		return text
	}
	// new: goja's frame is on "new".
	if notAnObject.MatchString(text) {
		if c := newCallee.FindStringSubmatch(at); c != nil {
			return "TypeError: " + v8Chain(c[1]) + " is not a constructor"
		}
	}
	return text
}

// wholeCallee reports whether a chain preceded by before is the whole callee,
// not the tail of one (`f().a.f`, `x[0].f`, `'s'.f`, `a?.f`).
func wholeCallee(before string) bool {
	before = strings.TrimRight(before, " \t")
	if before == "" {
		return true
	}
	switch before[len(before)-1] {
	case '.', ']', ')', '\'', '"', '`', '?', '}':
		return false
	}
	return true
}

// v8Chain writes a callee chain as V8 does: a['f'] as a.f, no spaces.
func v8Chain(chain string) string {
	return chainStep.ReplaceAllStringFunc(chain, func(s string) string {
		if strings.ContainsAny(s, "['\"") && !strings.Contains(s, "]") {
			return "."
		}
		if strings.Contains(s, "]") {
			return ""
		}
		return "."
	})
}
