package scaffold

import (
	"fmt"

	"github.com/spf13/pflag"
)

// AddFlags registers `bridge init`'s --protocol and --flavor on fs. Kind
// owns them and their checks (Check), as kubectl's options structs do: a
// renamed flag touches this file only. The protocols and flavours are
// README's "Moving from OAuth 1.0a to OAuth 2.0".
func (k *Kind) AddFlags(fs *pflag.FlagSet) {
	fs.StringVar(&k.Protocol, "protocol", "oauth1", "oauth1 or oauth2: the script and cases to start from")
	fs.StringVar(&k.Flavor, "flavor", "server", "with --protocol oauth2: server (Jira Data Center) or cloud (Atlassian Cloud)")
}

// Check refuses a protocol other than oauth1 and oauth2 and a flavour other
// than server and cloud, naming the flag.
func (k Kind) Check() error {
	if k.Protocol != "oauth1" && k.Protocol != "oauth2" {
		return fmt.Errorf("--protocol %q: use oauth1 or oauth2", k.Protocol)
	}
	if k.Flavor != "server" && k.Flavor != "cloud" {
		return fmt.Errorf("--flavor %q: use server or cloud", k.Flavor)
	}
	return nil
}
