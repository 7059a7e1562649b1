package scaffold

import (
	"fmt"

	"github.com/spf13/pflag"

	"github.com/jira-auth0-bridge/bridge/internal/cliflags"
)

// AddFlags registers `bridge init`'s --protocol (cliflags, shared by the
// commands) and --flavor on fs. Kind owns --flavor and its check (Check), as
// kubectl's options structs do. The protocols and flavours are README's
// "Moving from OAuth 1.0a to OAuth 2.0".
func (k *Kind) AddFlags(fs *pflag.FlagSet) {
	cliflags.AddProtocolFlag(fs, &k.Protocol, "oauth1", "the script and cases to start from")
	fs.StringVar(&k.Flavor, "flavor", "server", "with --protocol oauth2: server (Jira Data Center) or cloud (Atlassian Cloud)")
}

// Check refuses a protocol other than oauth1 and oauth2
// (cliflags.CheckProtocol) and a flavour other than server and cloud,
// naming the flag.
func (k Kind) Check() error {
	if err := cliflags.CheckProtocol(k.Protocol, false); err != nil {
		return err
	}
	if k.Flavor != "server" && k.Flavor != "cloud" {
		return fmt.Errorf("--flavor %q: use server or cloud", k.Flavor)
	}
	return nil
}
