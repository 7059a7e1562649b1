package cliflags

import (
	"github.com/spf13/pflag"

	"github.com/jira-auth0-bridge/bridge/internal/exit"
)

// AddProtocolFlag registers --protocol oauth1|oauth2 (README "Moving from
// OAuth 1.0a to OAuth 2.0").
func AddProtocolFlag(fs *pflag.FlagSet, p *string, def, usage string) {
	fs.StringVar(p, "protocol", def, "oauth1 or oauth2: "+usage)
}

// CheckProtocol refuses a --protocol other than oauth1 and oauth2 (and ""
// where both is a choice) with exit 2.
func CheckProtocol(p string, bothOK bool) error {
	if p == "oauth1" || p == "oauth2" || p == "" && bothOK {
		return nil
	}
	return exit.Usagef("--protocol %q: use oauth1 or oauth2", p)
}

// AddJIRAClientFlags registers --jira-client-id and --jira-client-secret,
// the JIRA side's OAuth 2.0 client (--client-id and --client-secret are the
// Auth0 machine-to-machine application's on publish and pull).
func AddJIRAClientFlags(fs *pflag.FlagSet, id, secret *string, what string) {
	fs.StringVar(id, "jira-client-id", "", "client id of "+what)
	fs.StringVar(secret, "jira-client-secret", "", "client secret of "+what)
}
