package jiratarget

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/pflag"

	"github.com/jira-auth0-bridge/bridge/internal/cliflags"
	"github.com/jira-auth0-bridge/bridge/internal/credentials"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
)

// Flags are the flags of `bridge run` that pick what it talks to: the mock's
// --flavor and --user, or a real JIRA's --jira-url, --consumer-key,
// --private-key, --token, --token-secret and --token-file, and --protocol.
// They follow kubectl's options-struct pattern
// (https://github.com/kubernetes/kubectl, pkg/cmd/*: AddFlags on the type
// that holds the inputs), so the flags and the errors naming them live here.
type Flags struct {
	JIRA         cliflags.JIRA // a real JIRA instead of the mock
	Token        credentials.JIRA
	TokenFile    string
	User, Flavor string
	Protocol     string
}

// AddFlags registers the flags.
func (f *Flags) AddFlags(fs *pflag.FlagSet) {
	fs.StringVar(&f.User, "user", "", "mock JIRA user to log in as: a name on server, an accountId on cloud (default: the flavor's first user)")
	fs.StringVar(&f.Flavor, "flavor", "server", "mock JIRA flavor: server or cloud")
	f.JIRA.AddFlags(fs, false)
	fs.StringVar(&f.Token.Token, "token", "", "access token for the real JIRA")
	fs.StringVar(&f.Token.TokenSecret, "token-secret", "", "access token secret for the real JIRA")
	fs.StringVar(&f.TokenFile, "token-file", "", `JSON file {"jira_url","consumer_key","token","token_secret"} (bridge live --save-token)`)
	cliflags.AddProtocolFlag(fs, &f.Protocol, "oauth1", "oauth2 runs fn(accessToken, ctx, cb) after an OAuth 2.0 dance with the mock, or with --token/--token-file")
}

// Real reports whether the flags given in fs ask for a real JIRA rather
// than the mock.
func (f *Flags) Real(fs *pflag.FlagSet) bool {
	for _, name := range []string{"jira-url", "consumer-key", "private-key", "token", "token-secret", "token-file"} {
		if fs.Changed(name) {
			return true
		}
	}
	return false
}

// Want is what the flags given in fs ask Open for. It refuses --user and
// --flavor with a real JIRA over OAuth 1.0a (exit 2): they pick the mock's
// user and flavour.
func (f *Flags) Want(fs *pflag.FlagSet) (Want, error) {
	real := f.Real(fs)
	for _, name := range []string{"user", "flavor"} {
		if real && f.Protocol != "oauth2" && fs.Changed(name) {
			return Want{}, exit.Usagef("--%s is for the mock JIRA; it has no use with --jira-url, --token or --token-file", name)
		}
	}
	return Want{Protocol: f.Protocol, Flavor: f.Flavor, User: f.User, Real: real,
		Given:     credentials.JIRA{JIRAURL: f.JIRA.URL, ConsumerKey: f.JIRA.ConsumerKey, Token: f.Token.Token, TokenSecret: f.Token.TokenSecret},
		TokenFile: f.TokenFile, PrivateKeyFile: f.JIRA.PrivateKey}, nil
}

// settingFlags names the flag of each setting of a real run.
var settingFlags = map[Setting]string{SettingJIRAURL: "--jira-url", SettingConsumerKey: "--consumer-key",
	SettingPrivateKey: "--private-key", SettingToken: "--token", SettingTokenSecret: "--token-secret", SettingTokenFile: "--token-file"}

// ExitErr maps Open's errors to flag names and exit codes (README "Exit
// codes"): bad input 2, the mock or its dance failing 3.
func ExitErr(err error) error {
	var fe *FlavorError
	var ue *UnknownUserError
	var ie *InputError
	var re *RealError
	var rem *RemoteError
	switch {
	case errors.As(err, &fe):
		return exit.Usagef("--flavor %q: use server or cloud", fe.Flavor)
	case errors.As(err, &ue):
		return exit.Usagef("--user %v", ue)
	case errors.As(err, &ie):
		return exit.Usagef("%v", err)
	case errors.As(err, &re) && len(re.Missing) > 0:
		missing := make([]string, len(re.Missing))
		for i, s := range re.Missing {
			missing[i] = settingFlags[s]
		}
		return exit.Usagef("missing %s: a run against a real JIRA needs its base URL, the consumer key and private key, and an access token (get one with `bridge live --save-token FILE`, then pass --token-file FILE)",
			strings.Join(missing, ", "))
	case errors.As(err, &re) && re.Setting == SettingJIRAURL:
		return cliflags.URLErr(re.Err)
	case errors.As(err, &re):
		return exit.Usagef("%s: %v", settingFlags[re.Setting], re.Err)
	case errors.As(err, &rem):
		return exit.RemoteFailed(fmt.Errorf("run: %w", err))
	}
	return fmt.Errorf("run: %w", err)
}
