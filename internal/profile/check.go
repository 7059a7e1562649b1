package profile

import (
	"bytes"
	"encoding/json"
	"net/mail"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/jira-auth0-bridge/bridge/internal/jsondiff"
)

// stringFields are the normalized profile fields that must be strings
// (docs/auth0.md "The sandbox"; Auth0 normalized user profile).
var stringFields = []string{"name", "nickname", "given_name", "family_name", "username"}

// Check applies Auth0's normalized-profile rules to profile, the JSON the script
// passed to cb(null, profile). Findings come in a stable order: the top-level
// rules first, then the attribute-name and null rules in path order.
func Check(profile json.RawMessage) []Finding {
	var v any
	dec := json.NewDecoder(bytes.NewReader(profile))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return []Finding{errorf("", RuleObject, "the profile is not valid JSON: %v", err)}
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return []Finding{errorf("", RuleObject, "the profile is %s; Auth0 needs an object", describe(v))}
	}
	var fs []Finding
	fs = append(fs, checkUserID(obj)...)
	fs = append(fs, checkEmail(obj)...)
	for _, name := range stringFields {
		if val, ok := obj[name]; ok && val != nil {
			if _, isStr := val.(string); !isStr {
				fs = append(fs, errorf(name, RuleString, "%s is %s; Auth0 needs a string", name, describe(val)))
			}
		}
	}
	fs = append(fs, checkPicture(obj)...)
	walk("", obj, &fs)
	return fs
}

func checkUserID(obj map[string]any) []Finding {
	val, ok := obj["user_id"]
	if !ok {
		return []Finding{errorf("user_id", RuleUserID, "user_id is missing; Auth0 needs it to identify the user")}
	}
	switch id := val.(type) {
	case string:
		if strings.TrimSpace(id) == "" {
			return []Finding{errorf("user_id", RuleUserID, "user_id is an empty string; Auth0 needs a non-empty id")}
		}
	case json.Number:
	default:
		return []Finding{errorf("user_id", RuleUserID, "user_id is %s; Auth0 needs a non-empty string or a number", describe(val))}
	}
	return nil
}

func checkEmail(obj map[string]any) []Finding {
	var fs []Finding
	val, ok := obj["email"]
	switch email := val.(type) {
	case nil:
		if !ok {
			fs = append(fs, warnf("email", RuleEmailMissing, "the profile has no email; Auth0 users without one cannot be linked or contacted by email"))
		}
		// A present null is reported by the null rule.
	case string:
		if !looksLikeEmail(email) {
			fs = append(fs, errorf("email", RuleEmail, "email %q does not look like an address (local@domain)", email))
		}
	default:
		fs = append(fs, errorf("email", RuleEmail, "email is %s; Auth0 needs a string", describe(val)))
	}
	if val, ok := obj["email_verified"]; ok && val != nil {
		if _, isBool := val.(bool); !isBool {
			fs = append(fs, errorf("email_verified", RuleEmailVerified, "email_verified is %s; Auth0 needs a boolean (true or false)", describe(val)))
		}
	}
	return fs
}

func looksLikeEmail(s string) bool {
	addr, err := mail.ParseAddress(s)
	return err == nil && addr.Name == "" && addr.Address == s
}

func checkPicture(obj map[string]any) []Finding {
	val, ok := obj["picture"]
	if !ok || val == nil {
		return nil
	}
	s, isStr := val.(string)
	if !isStr {
		return []Finding{errorf("picture", RulePicture, "picture is %s; Auth0 needs an absolute http(s) URL string", describe(val))}
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return []Finding{errorf("picture", RulePicture, "picture %q is not an absolute http(s) URL", s)}
	}
	return nil
}

// walk checks every attribute name and value below v, in path order.
func walk(path string, v any, fs *[]Finding) {
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			p := Join(path, k)
			if strings.ContainsAny(k, ".$") {
				*fs = append(*fs, errorf(p, RuleAttributeName, "attribute name %q contains '.' or '$', which Auth0 does not allow", k))
			}
			walk(p, x[k], fs)
		}
	case []any:
		for i, e := range x {
			walk(path+"["+strconv.Itoa(i)+"]", e, fs)
		}
	case nil:
		*fs = append(*fs, warnf(path, RuleNull, "%s is null; Auth0 drops null attributes: leave it out instead", path))
	}
}

// Join appends the attribute name key to path: "a.b", or `a["x.y"]` when the
// name itself needs quoting; the notation of jsondiff's paths, so that a
// finding and a diff name one field alike.
func Join(path, key string) string { return jsondiff.Join(path, key) }

// describe names the JSON type of v for messages.
func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean (" + strconv.FormatBool(x) + ")"
	case json.Number:
		return "a number (" + x.String() + ")"
	case string:
		return "a string"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return "a value"
}
