package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/jira-auth0-bridge/bridge/internal/connection"
	"github.com/jira-auth0-bridge/bridge/internal/inputfile"
	"github.com/spf13/cobra"
)

// connectionFlags are the settings of the JIRA connection, shared by
// `bridge connection` and `bridge publish`: --jira-url, --consumer-key,
// --private-key, --public-key, --name and --script. Flags only: these are
// per-connection choices, not credentials, so there are no env fallbacks.
type connectionFlags struct {
	JIRAURL     string // --jira-url: JIRA's base URL
	ConsumerKey string // --consumer-key: the Consumer Key of JIRA's incoming link
	PrivateKey  string // --private-key: PEM file of the consumer's RSA private key
	PublicKey   string // --public-key: optional PEM file pasted into JIRA; must match
	Name        string // --name: the Auth0 connection name
	Script      string // --script: fetchUserProfile file; "" = the shipped script
}

// addConnectionFlags registers the connection flags on cmd and returns where
// their values land. --jira-url, --consumer-key and --private-key are required.
func addConnectionFlags(cmd *cobra.Command) *connectionFlags {
	f := &connectionFlags{}
	fs := cmd.Flags()
	fs.StringVar(&f.JIRAURL, "jira-url", "", "JIRA's base URL, e.g. https://jira.example.com or https://example.com/jira (required)")
	fs.StringVar(&f.ConsumerKey, "consumer-key", "", "the Consumer Key of JIRA's incoming Application Link, e.g. auth0-jira (required)")
	fs.StringVar(&f.PrivateKey, "private-key", "", "PEM file of the consumer's RSA private key, PKCS#1 or PKCS#8, unencrypted (required; see bridge keygen)")
	fs.StringVar(&f.PublicKey, "public-key", "", "PEM file of the public key pasted into JIRA; checked to belong to --private-key")
	fs.StringVar(&f.Name, "name", connection.DefaultName, "Auth0 connection name: letters, digits, single hyphens, at most 128 characters")
	fs.StringVar(&f.Script, "script", "", "fetchUserProfile script file, with JIRA_URL where the base URL goes (default: the shipped script)")
	return f
}

// params reads the files the flags name into connection.Params, without
// validating them (connection.Validate does). Missing flags and unreadable
// files are usage errors (exit 2). Warnings (a private key others can read)
// go to stderr.
func (f *connectionFlags) params(stderr io.Writer) (connection.Params, error) {
	var missing []string
	for _, m := range []struct{ flag, value string }{
		{"--jira-url", f.JIRAURL}, {"--consumer-key", f.ConsumerKey}, {"--private-key", f.PrivateKey},
	} {
		if m.value == "" {
			missing = append(missing, m.flag)
		}
	}
	if len(missing) > 0 {
		return connection.Params{}, usageErr("missing %s: the JIRA connection needs JIRA's base URL, the consumer key of its Application Link and the consumer's private key (make a pair with `bridge keygen`)", strings.Join(missing, ", "))
	}
	p := connection.Params{
		JIRAURL:          f.JIRAURL,
		ConsumerKey:      f.ConsumerKey,
		PrivateKeySource: f.PrivateKey,
		Name:             f.Name,
	}
	privPEM, err := readInputFile("--private-key", f.PrivateKey, "the .key file made by `bridge keygen`")
	if err != nil {
		return p, err
	}
	p.PrivateKeyPEM = privPEM
	// Only a file that does hold a private key is worth the warning: a .pub
	// passed by mistake gets its own error from Validate.
	if fi, err := os.Stat(f.PrivateKey); err == nil && fi.Mode().Perm()&0o077 != 0 && strings.Contains(privPEM, "PRIVATE KEY-----") {
		connWarn(stderr, "%s is readable by others (mode %04o): it holds your private key; chmod 600 %s", f.PrivateKey, fi.Mode().Perm(), f.PrivateKey)
	}
	if f.PublicKey != "" {
		if p.PublicKeyPEM, err = readInputFile("--public-key", f.PublicKey, "the .pub file pasted into JIRA"); err != nil {
			return p, err
		}
		p.PublicKeySource = f.PublicKey
	}
	if f.Script != "" {
		if p.Script, err = readInputFile("--script", f.Script, "a fetchUserProfile script, e.g. one made by `bridge init`"); err != nil {
			return p, err
		}
		if strings.TrimSpace(p.Script) == "" {
			return p, usageErr("--script: %s is empty; give a fetchUserProfile script, or leave out --script for the shipped one", f.Script)
		}
		p.ScriptName = f.Script
	}
	return p, nil
}

// load reads and validates the connection settings. Every problem is listed
// and the error is a usage error (exit 2). Warnings, including the one for a
// JIRA that Auth0 cannot reach from the internet, go to stderr.
func (f *connectionFlags) load(cmd *cobra.Command) (*connection.Validated, error) {
	stderr := cmd.ErrOrStderr()
	p, err := f.params(stderr)
	if err != nil {
		return nil, err
	}
	v, err := connection.Validate(p)
	if err != nil {
		return nil, connUsageErr(err)
	}
	for _, w := range v.Warnings {
		connWarn(stderr, "%s", w)
	}
	if w := connection.ReachabilityWarning(cmd.Context(), v.JIRAURL, nil); w != "" {
		connWarn(stderr, "%s", w)
	}
	return v, nil
}

// connUsageErr turns validation problems into one usage error, one problem
// per line.
func connUsageErr(err error) error {
	probs := connection.Problems(err)
	if len(probs) <= 1 {
		return &exitError{Code: ExitUsage, Err: err}
	}
	lines := make([]string, len(probs))
	for i, p := range probs {
		lines[i] = "  " + p.Error()
	}
	return usageErr("%d problems with the connection settings:\n%s", len(probs), strings.Join(lines, "\n"))
}

func readInputFile(flag, path, what string) (string, error) {
	limit, kind := int64(inputfile.MaxKeyFile), "key file"
	if flag == "--script" {
		limit, kind = inputfile.MaxScript, "script"
	}
	data, err := inputfile.Read(path, limit, kind)
	if err != nil {
		return "", usageErr("%s: %v; pass %s", flag, err, what)
	}
	return string(data), nil
}

// connWarn prints a warning on stderr.
func connWarn(w io.Writer, format string, args ...any) {
	fmt.Fprintf(w, "bridge: warning: "+format+"\n", args...)
}
