package main

import (
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jira-auth0-bridge/bridge/internal/cliflags"
	"github.com/jira-auth0-bridge/bridge/internal/connection"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/render"
)

// connectionFlags are the settings of the JIRA connection, shared by
// `bridge connection` and `bridge publish`: the JIRA flags (--jira-url,
// --consumer-key, --private-key, all required), --public-key, --name and
// --script. Flags only: these are per-connection choices, not credentials,
// so there are no env fallbacks.
type connectionFlags struct {
	jira      cliflags.JIRA
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
	f.jira.AddFlags(fs, true)
	fs.StringVar(&f.PublicKey, "public-key", "", "PEM file of the public key pasted into JIRA; checked to belong to --private-key")
	fs.StringVar(&f.Name, "name", connection.DefaultName, "Auth0 connection name: letters, digits, single hyphens, at most 128 characters")
	fs.StringVar(&f.Script, "script", "", "fetchUserProfile script file, with JIRA_URL where the base URL goes (default: the shipped script)")
	cliflags.AddProtocolFlag(fs, &f.protocol, "oauth1", "oauth2 makes a connection of strategy oauth2 (--jira-client-id, --jira-client-secret; no keys)")
	fs.StringVar(&f.flavor, "flavor", "server", "with --protocol oauth2: server (Jira Data Center, URLs from --jira-url) or cloud (Atlassian's URLs)")
	cliflags.AddJIRAClientFlags(fs, &f.clientID, &f.clientSecret, "Jira's incoming link or your Atlassian app (--protocol oauth2)")
	return f
}

// load reads and validates the connection settings (connection.Load).
// Missing flags and every problem are usage errors (exit 2). Warnings,
// including the one for a JIRA that Auth0 cannot reach from the internet,
// go to stderr.
func (f *connectionFlags) load(cmd *cobra.Command) (*connection.Validated, error) {
	if err := f.jira.Resolve(os.Getenv, cmd.InOrStdin()); err != nil {
		return nil, err
	}
	if missing := f.jira.Missing(); len(missing) > 0 {
		return nil, exit.Usagef("missing %s: the JIRA connection needs JIRA's base URL, the consumer key of its Application Link and the consumer's private key (make a pair with `bridge keygen`)", strings.Join(missing, ", "))
	}
	v, warnings, err := connection.Load(cmd.Context(), connection.Params{JIRAURL: f.jira.URL, ConsumerKey: f.jira.ConsumerKey,
		PrivateKeySource: f.jira.PrivateKey, PrivateKeyPEM: string(f.jira.KeyPEM), PublicKeySource: f.PublicKey, Name: f.Name}, f.Script, nil)
	render.Warnings(cmd.ErrOrStderr(), warnings)
	return v, connUsageErr(err)
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

// connUsageErr is err, a file or settings problem, as one usage error
// (exit 2) that names the flags (connection.Named); nil stays nil.
func connUsageErr(err error) error {
	if err == nil {
		return nil
	}
	return &exit.Error{Code: exit.Usage, Err: connection.Named(err, connectionFlagNames)}
}
