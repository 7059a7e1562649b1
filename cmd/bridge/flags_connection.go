package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/jira-auth0-bridge/bridge/internal/connection"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/inputfile"
	"github.com/spf13/cobra"
)

// connectionFlags are the settings of the JIRA connection, shared by
// `bridge connection` and `bridge publish`: the JIRA flags (--jira-url,
// --consumer-key, --private-key, all required), --public-key, --name and
// --script. Flags only: these are per-connection choices, not credentials,
// so there are no env fallbacks.
type connectionFlags struct {
	jira      jiraFlags
	PublicKey string // --public-key: optional PEM file pasted into JIRA; must match
	Name      string // --name: the Auth0 connection name
	Script    string // --script: fetchUserProfile file; "" = the shipped script
	// --protocol oauth2 (connection_oauth2.go): --flavor, the JIRA client
	protocol, flavor, clientID, clientSecret string
}

// addConnectionFlags registers the connection flags on cmd and returns where
// their values land.
func addConnectionFlags(cmd *cobra.Command) *connectionFlags {
	f := &connectionFlags{}
	fs := cmd.Flags()
	f.jira.add(fs, true)
	fs.StringVar(&f.PublicKey, "public-key", "", "PEM file of the public key pasted into JIRA; checked to belong to --private-key")
	fs.StringVar(&f.Name, "name", connection.DefaultName, "Auth0 connection name: letters, digits, single hyphens, at most 128 characters")
	fs.StringVar(&f.Script, "script", "", "fetchUserProfile script file, with JIRA_URL where the base URL goes (default: the shipped script)")
	addProtocolFlag(fs, &f.protocol, "oauth1", "oauth2 makes a connection of strategy oauth2 (--jira-client-id, --jira-client-secret; no keys)")
	fs.StringVar(&f.flavor, "flavor", "server", "with --protocol oauth2: server (Jira Data Center, URLs from --jira-url) or cloud (Atlassian's URLs)")
	addJIRAClientFlags(fs, &f.clientID, &f.clientSecret, "Jira's incoming link or your Atlassian app (--protocol oauth2)")
	return f
}

// params reads the files the flags name into connection.Params, without
// validating them (connection.Validate does). Missing flags and unreadable
// files are usage errors (exit 2). Warnings (a private key others can read)
// go to stderr.
func (f *connectionFlags) params(stderr io.Writer) (connection.Params, error) {
	if missing := f.jira.missing(); len(missing) > 0 {
		return connection.Params{}, exit.Usagef("missing %s: the JIRA connection needs JIRA's base URL, the consumer key of its Application Link and the consumer's private key (make a pair with `bridge keygen`)", strings.Join(missing, ", "))
	}
	p, warnings, err := connection.ReadFiles(connection.Params{JIRAURL: f.jira.url, ConsumerKey: f.jira.consumerKey,
		PrivateKeySource: f.jira.privateKey, PrivateKeyPEM: string(f.jira.keyPEM), PublicKeySource: f.PublicKey, Name: f.Name}, f.Script)
	for _, w := range warnings {
		connWarn(stderr, "%s", w)
	}
	if fe := (*connection.FileError)(nil); errors.As(err, &fe) {
		return p, exit.Usagef("%s: %v", connectionFlagNames[fe.Field], fe)
	}
	return p, nil
}

// load reads and validates the connection settings. Every problem is listed
// and the error is a usage error (exit 2). Warnings, including the one for a
// JIRA that Auth0 cannot reach from the internet, go to stderr.
func (f *connectionFlags) load(cmd *cobra.Command) (*connection.Validated, error) {
	stderr := cmd.ErrOrStderr()
	if err := f.jira.resolve(cmd.InOrStdin()); err != nil {
		return nil, err
	}
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

// connectionFlagNames names the flag of each connection setting: the
// connection package names settings, the CLI alone names flags.
var connectionFlagNames = map[connection.Field]string{
	connection.FieldJIRAURL:      "--jira-url",
	connection.FieldConsumerKey:  "--consumer-key",
	connection.FieldPrivateKey:   "--private-key",
	connection.FieldPublicKey:    "--public-key",
	connection.FieldName:         "--name",
	connection.FieldScript:       "--script",
	connection.FieldClientID:     "--jira-client-id",
	connection.FieldClientSecret: "--jira-client-secret",
	connection.FieldFlavor:       "--flavor",
}

// flagError is a connection setting's problem said with its flag:
// "connection: --jira-url: …". errors.Is and As still see the problem.
type flagError struct{ e *connection.Error }

func (f flagError) Error() string {
	flag, ok := connectionFlagNames[f.e.Field]
	if !ok {
		flag = string(f.e.Field)
	}
	return "connection: " + flag + ": " + f.e.Reason()
}

func (f flagError) Unwrap() error { return f.e }

// connUsageErr turns validation problems into one usage error, one problem
// per line, each naming its flag.
func connUsageErr(err error) error {
	probs := connection.Problems(err)
	switch len(probs) {
	case 0:
		return &exit.Error{Code: exit.Usage, Err: err}
	case 1:
		return &exit.Error{Code: exit.Usage, Err: flagError{probs[0]}}
	}
	lines := make([]string, len(probs))
	for i, p := range probs {
		lines[i] = "  " + flagError{p}.Error()
	}
	return exit.Usagef("%d problems with the connection settings:\n%s", len(probs), strings.Join(lines, "\n"))
}

func readInputFile(flag, path, what string) (string, error) {
	data, err := inputfile.Read(path, int64(inputfile.MaxKeyFile), "key file")
	if err != nil {
		return "", exit.Usagef("%s: %v; pass %s", flag, err, what)
	}
	return string(data), nil
}

// connWarn prints a warning on stderr.
func connWarn(w io.Writer, format string, args ...any) {
	fmt.Fprintf(w, "bridge: warning: "+format+"\n", args...)
}
