package connection

import (
	"crypto/rsa"
	"errors"
	"strings"
	"unicode"

	"github.com/jira-auth0-bridge/bridge/internal/jira"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
	"github.com/jira-auth0-bridge/bridge/internal/scriptsrc"
)

// Params are the settings of a JIRA connection, as the user gives them
// (`bridge connection` and `bridge publish` flags).
type Params struct {
	JIRAURL          string // JIRA's base URL, e.g. https://jira.example.com or https://example.com/jira
	ConsumerKey      string // the Consumer Key of JIRA's incoming Application Link -> options.client_id
	PrivateKeyPEM    string // the consumer's RSA private key (PKCS#1 or #8 PEM) -> options.client_secret
	PrivateKeySource string // the private key's file, for messages; "" = "the private key"
	PublicKeyPEM     string // optional: the public key pasted into JIRA; must belong to PrivateKeyPEM
	PublicKeySource  string // the public key's file, for messages; "" = "the public key"
	Name             string // the connection name; "" = DefaultName
	Script           string // raw fetchUserProfile source with the JIRA_URL placeholder; "" = bridge.ShippedScript
	ScriptName       string // the script's file, for messages; "" = bridge.ShippedScriptName (or "the script")
}

// Validated is a connection whose settings passed every check: normalized
// settings, the parsed key and the script as it will be published.
type Validated struct {
	Params                     // normalized: JIRAURL without trailing slash, PrivateKeyPEM the key block alone, defaults filled in
	PrivateKey *rsa.PrivateKey // the parsed private key
	Rendered   string          // Script with JIRA_URL rendered: what options.scripts.fetchUserProfile holds
	Warnings   []string        // things that will not stop a publish but should be read (http JIRA, script size near the limit)
}

// Validate checks p: the JIRA URL (absolute http(s), no user info, query or
// fragment; trailing slashes dropped), the consumer key, the private key (RSA,
// at least 2048 bits, PKCS#1 or #8, not encrypted, not the shipped test key),
// the public key when given (it must belong to the private key), the
// connection name (Auth0's pattern, docs/auth0.md "Management API") and the script (compiles;
// at most 51,200 characters once rendered, docs/auth0.md "The sandbox").
//
// It reports every problem at once: the error joins one *Error per problem
// (see Problems), each wrapping a sentinel such as ErrJIRAURL.
func Validate(p Params) (*Validated, error) {
	v := &Validated{Params: p}
	var errs []error
	add := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}

	jiraURL, err := NormalizeJIRAURL(p.JIRAURL)
	add(err)
	v.JIRAURL = jiraURL
	if strings.HasPrefix(jiraURL, "http://") {
		v.Warnings = append(v.Warnings, "the JIRA URL uses http: OAuth tokens and user data travel in clear between Auth0 and JIRA; use https")
	}

	add(CheckConsumerKey(p.ConsumerKey))

	if v.Name == "" {
		v.Name = DefaultName
	}
	add(CheckName(v.Name))

	v.PrivateKey, v.PrivateKeyPEM, err = checkKeys(p)
	add(err)

	if v.Script == "" {
		shipped := scriptsrc.Shipped()
		v.Script = shipped.Text
		if v.ScriptName == "" {
			v.ScriptName = shipped.Name
		}
	}
	if v.ScriptName == "" {
		v.ScriptName = "the script"
	}
	if jiraURL != "" {
		v.Rendered = jira.RenderScript(v.Script, jiraURL)
		warnings, scriptErrs := checkScript(v.ScriptName, v.Rendered)
		v.Warnings = append(v.Warnings, warnings...)
		errs = append(errs, scriptErrs...)
	}

	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return v, nil
}

// CheckConsumerKey checks a JIRA consumer key: not empty, no white space or
// control characters (the guide asks for "any arbitrary URL-friendly name"),
// and not a PEM pasted by mistake.
func CheckConsumerKey(k string) error {
	const fix = "give the Consumer Key of JIRA's incoming Application Link, e.g. auth0-jira"
	switch {
	case k == "":
		return problem(FieldConsumerKey, ErrConsumerKey, fix, "it is empty")
	case strings.Contains(k, "-----BEGIN"):
		return problem(FieldConsumerKey, ErrConsumerKey, "the consumer key is a name, e.g. auth0-jira, and the key file goes to --private-key", "it holds a PEM")
	case strings.IndexFunc(k, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0:
		return problem(FieldConsumerKey, ErrConsumerKey, fix, "%q contains white space or control characters", k)
	}
	return nil
}

// checkKeys parses the private key and, when given, the public key, and
// returns the private key with its PEM block alone (keys.PrivateKeyPEM).
func checkKeys(p Params) (*rsa.PrivateKey, string, error) {
	privSource := p.PrivateKeySource
	if privSource == "" {
		privSource = "the private key"
	}
	if strings.TrimSpace(p.PrivateKeyPEM) == "" {
		return nil, "", problem(FieldPrivateKey, ErrPrivateKey, "pass the .key file made by `bridge keygen`", "%s is empty", privSource)
	}
	priv, pemBytes, err := keys.PrivateKeyPEM([]byte(p.PrivateKeyPEM), privSource)
	if err != nil {
		return nil, "", &Error{Field: FieldPrivateKey, Err: tagged{ErrPrivateKey, err}}
	}
	var errs []error
	if keys.IsTestKey(priv) {
		errs = append(errs, problem(FieldPrivateKey, ErrTestKey,
			"make your own pair with `bridge keygen` and paste its .pub into JIRA", "%s is public (testdata/keys/test.key), anyone could sign as your JIRA consumer", privSource))
	}
	if p.PublicKeyPEM != "" {
		pubSource := p.PublicKeySource
		if pubSource == "" {
			pubSource = "the public key"
		}
		pub, err := keys.ParsePublicKey([]byte(p.PublicKeyPEM), pubSource)
		switch {
		case err != nil:
			errs = append(errs, &Error{Field: FieldPublicKey, Err: tagged{ErrPublicKey, err}})
		case !keys.Matches(priv, pub):
			errs = append(errs, problem(FieldPublicKey, ErrKeyMismatch,
				"pass the private key whose public key is in JIRA, or paste the matching public key into JIRA's Application Link (Incoming Authentication)",
				"%s is not the public key of %s: JIRA would reject every signature (signature_invalid)", pubSource, privSource))
		}
	}
	if len(errs) > 0 {
		return nil, "", errors.Join(errs...)
	}
	return priv, string(pemBytes), nil
}
