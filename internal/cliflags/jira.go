package cliflags

import (
	"crypto/rsa"
	"errors"
	"io"
	"strings"

	"github.com/spf13/pflag"

	"github.com/jira-auth0-bridge/bridge/internal/credentials"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/jira"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
)

// JIRA names a JIRA and the consumer that signs for it: --jira-url,
// --consumer-key and --private-key, in run, live, connection and publish.
type JIRA struct {
	URL, ConsumerKey, PrivateKey string
	KeyPEM                       []byte // the key from stdin or BRIDGE_PRIVATE_KEY (Resolve)
}

// AddFlags registers the flags. For run they are optional: they pick a real
// JIRA instead of the mock.
func (f *JIRA) AddFlags(fs *pflag.FlagSet, required bool) {
	url, req, keyReq := "JIRA's base URL, e.g. https://jira.example.com or https://example.com/jira", " (required; env BRIDGE_JIRA_URL)", " (required; - reads stdin; env BRIDGE_PRIVATE_KEY holds the PEM itself; see bridge keygen)"
	if !required {
		url, req, keyReq = "a real JIRA's base URL (instead of the mock)", "", " (see bridge keygen)"
	}
	fs.StringVar(&f.URL, "jira-url", "", url+req)
	fs.StringVar(&f.ConsumerKey, "consumer-key", "", "the Consumer Key of JIRA's incoming Application Link, e.g. auth0-jira"+strings.Replace(req, "BRIDGE_JIRA_URL", "BRIDGE_CONSUMER_KEY", 1))
	fs.StringVar(&f.PrivateKey, "private-key", "", "PEM file of the consumer's RSA private key, PKCS#1 or PKCS#8, unencrypted"+keyReq)
}

// Missing lists the flags left empty, as "--jira-url".
func (f *JIRA) Missing() []string {
	return missingFlags(flagValue{"--jira-url", f.URL}, flagValue{"--consumer-key", f.ConsumerKey}, flagValue{"--private-key", f.PrivateKey})
}

// URLErr turns a refused --jira-url (a *jira.URLError of
// jira.NormalizeBaseURL, which publish applies too) into bad usage naming the
// flag, with the fix.
func URLErr(err error) error {
	var ue *jira.URLError
	if errors.As(err, &ue) {
		return exit.Usagef("--jira-url: %s; %s", ue.Detail, ue.Fix)
	}
	return exit.Usagef("--jira-url: %w", err)
}

type flagValue struct{ flag, value string }

// missingFlags lists the flags whose value is empty.
func missingFlags(fvs ...flagValue) []string {
	var missing []string
	for _, fv := range fvs {
		if fv.value == "" {
			missing = append(missing, fv.flag)
		}
	}
	return missing
}

// Resolve fills the JIRA flags left empty from BRIDGE_JIRA_URL,
// BRIDGE_CONSUMER_KEY and BRIDGE_PRIVATE_KEY (the PEM itself), and reads
// `--private-key -` from stdin (internal/credentials: flags win; JIRA_URL is
// never read). connection, publish and live call it; run does not.
func (f *JIRA) Resolve(getenv func(string) string, stdin io.Reader) error {
	c, k, err := credentials.Consumer{JIRAURL: f.URL, ConsumerKey: f.ConsumerKey, PrivateKey: f.PrivateKey}.Resolve(getenv, stdin)
	if err != nil {
		return exit.Usagef("--private-key -: %v; pipe the PEM in, e.g. bridge … --private-key - < jira.key", err)
	}
	f.URL, f.ConsumerKey, f.PrivateKey, f.KeyPEM = c.JIRAURL, c.ConsumerKey, c.PrivateKey, k.PEM
	return nil
}

// LoadKey parses the private key: what Resolve read, or the file.
func (f *JIRA) LoadKey() (*rsa.PrivateKey, []byte, error) {
	if f.KeyPEM != nil {
		return keys.PrivateKeyPEM(f.KeyPEM, f.PrivateKey)
	}
	return keys.LoadPrivateKey(f.PrivateKey)
}
