package mockcfg

import (
	"github.com/spf13/pflag"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/cliflags"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
)

// AddFlags registers the flags of `bridge mock` that fill f, kubectl's
// options-struct way (https://github.com/kubernetes/kubectl, pkg/cmd/*), so
// the flag names FlagError reports and the ones registered live together.
func (f *Flags) AddFlags(fs *pflag.FlagSet) {
	fs.StringVar(&f.Addr, "addr", "127.0.0.1:8080", "address to listen on; port 0 picks a free one")
	fs.StringVar(&f.Flavor, "flavor", string(jiramock.Server), "which JIRA to play: server (Server/Data Center) or cloud")
	fs.StringVar(&f.Users, "users", "", "JIRA users: a JSON file (one user or an array) or a directory of *.json (default: the shipped users of the flavor)")
	fs.StringVar(&f.ConsumerKey, "consumer-key", bridge.DefaultConsumerKey, "consumer key of the application link the mock trusts")
	fs.StringVar(&f.PublicKey, "public-key", "", "PEM public key of that consumer (PUBLIC KEY or RSA PUBLIC KEY; default: the shipped test key)")
	fs.StringVar(&f.AutoApprove, "auto-approve", "", "user ID: the approval page approves at once as this user (for scripted dances)")
	fs.StringVar(&f.ContextPath, "context-path", "", "serve JIRA below this path, e.g. /jira (a leading slash, none trailing)")
	cliflags.AddProtocolFlag(fs, &f.Protocol, "oauth1", "what the banner on stderr describes (the mock serves both)")
	cliflags.AddJIRAClientFlags(fs, &f.ClientID, &f.ClientSecret, "the OAuth 2.0 client the mock trusts (default: the test client, printed on stderr)")
	fs.StringVar(&f.RedirectURI, "redirect-uri", "", "the client's registered redirect URI (default: the test client's)")
}
