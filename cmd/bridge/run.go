package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jira-auth0-bridge/bridge/internal/cliflags"
	"github.com/jira-auth0-bridge/bridge/internal/credentials"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/jiratarget"
	"github.com/jira-auth0-bridge/bridge/internal/render"
	"github.com/jira-auth0-bridge/bridge/internal/script"
	"github.com/jira-auth0-bridge/bridge/internal/verdict"
)

// runFlags are `bridge run`'s flags.
type runFlags struct {
	runtime      cliflags.Runtime
	user, flavor string
	protocol     string
	asJSON       bool
	jira         cliflags.JIRA // a real JIRA instead of the mock
	token        credentials.JIRA
	tokenFile    string
}

func newRunCmd() *cobra.Command {
	f := &runFlags{}
	cmd := &cobra.Command{
		Use:   "run",
		Short: "Run the fetchUserProfile script once, against the mock JIRA or a real one",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return runRun(cmd, f) },
	}
	fs := cmd.Flags()
	f.runtime.AddFlags(fs)
	fs.StringVar(&f.user, "user", "", "mock JIRA user to log in as: a name on server, an accountId on cloud (default: the flavor's first user)")
	fs.StringVar(&f.flavor, "flavor", "server", "mock JIRA flavor: server or cloud")
	fs.BoolVar(&f.asJSON, "json", false, "print the result as one JSON object on stdout")
	f.jira.AddFlags(fs, false)
	fs.StringVar(&f.token.Token, "token", "", "access token for the real JIRA")
	fs.StringVar(&f.token.TokenSecret, "token-secret", "", "access token secret for the real JIRA")
	fs.StringVar(&f.tokenFile, "token-file", "", `JSON file {"jira_url","consumer_key","token","token_secret"} (bridge live --save-token)`)
	cliflags.AddProtocolFlag(fs, &f.protocol, "oauth1", "oauth2 runs fn(accessToken, ctx, cb) after an OAuth 2.0 dance with the mock, or with --token/--token-file")
	return cmd
}

func runRun(cmd *cobra.Command, f *runFlags) error {
	maxMemory, err := f.runtime.Limits()
	if err != nil {
		return err
	}
	if err := cliflags.CheckProtocol(f.protocol, false); err != nil {
		return err
	}
	src, err := f.runtime.LoadFor(f.protocol, f.flavor)
	if err != nil {
		return err
	}
	real := f.real(cmd)
	if err := cliflags.CheckMockScript(src); err != nil && !real {
		return err
	}
	if err := f.mockOnly(cmd, real); err != nil {
		return err
	}
	target, err := jiratarget.Open(cmd.Context(), jiratarget.Want{Protocol: f.protocol, Flavor: f.flavor, User: f.user, Real: real,
		Given:     credentials.JIRA{JIRAURL: f.jira.URL, ConsumerKey: f.jira.ConsumerKey, Token: f.token.Token, TokenSecret: f.token.TokenSecret},
		TokenFile: f.tokenFile, PrivateKeyFile: f.jira.PrivateKey})
	if err != nil {
		return targetErr(err)
	}
	defer target.Close()
	res := target.Run(cmd.Context(), src, script.Options{Timeout: f.runtime.Timeout, MaxMemory: maxMemory, Runtime: f.runtime.Runtime})
	return printResult(cmd.OutOrStdout(), cmd.ErrOrStderr(), res, f.asJSON, real, src.Sources())
}

// real reports whether the flags ask for a real JIRA rather than the mock.
func (f *runFlags) real(cmd *cobra.Command) bool {
	for _, name := range []string{"jira-url", "consumer-key", "private-key", "token", "token-secret", "token-file"} {
		if cmd.Flags().Changed(name) {
			return true
		}
	}
	return false
}

// mockOnly refuses --user and --flavor with a real JIRA over OAuth 1.0a
// (exit 2): they pick the mock's user and flavour.
func (f *runFlags) mockOnly(cmd *cobra.Command, real bool) error {
	for _, name := range []string{"user", "flavor"} {
		if real && f.protocol != "oauth2" && cmd.Flags().Changed(name) {
			return exit.Usagef("--%s is for the mock JIRA; it has no use with --jira-url, --token or --token-file", name)
		}
	}
	return nil
}

// realSettingFlags names the flag of each setting of a real run.
var realSettingFlags = map[jiratarget.Setting]string{jiratarget.SettingJIRAURL: "--jira-url", jiratarget.SettingConsumerKey: "--consumer-key",
	jiratarget.SettingPrivateKey: "--private-key", jiratarget.SettingToken: "--token", jiratarget.SettingTokenSecret: "--token-secret", jiratarget.SettingTokenFile: "--token-file"}

// targetErr maps jiratarget.Open's errors to flag names and exit codes: bad
// input 2, the mock or its dance failing 3.
func targetErr(err error) error {
	var fe *jiratarget.FlavorError
	var ue *jiratarget.UnknownUserError
	var ie *jiratarget.InputError
	var re *jiratarget.RealError
	var rem *jiratarget.RemoteError
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
			missing[i] = realSettingFlags[s]
		}
		return exit.Usagef("missing %s: a run against a real JIRA needs its base URL, the consumer key and private key, and an access token (get one with `bridge live --save-token FILE`, then pass --token-file FILE)",
			strings.Join(missing, ", "))
	case errors.As(err, &re) && re.Setting == jiratarget.SettingJIRAURL:
		return cliflags.URLErr(re.Err)
	case errors.As(err, &re):
		return exit.Usagef("%s: %v", realSettingFlags[re.Setting], re.Err)
	case errors.As(err, &rem):
		return exit.RemoteFailed(fmt.Errorf("run: %w", err))
	}
	return fmt.Errorf("run: %w", err)
}

// printResult prints a run's Result, for `bridge run` and `bridge live`, as
// JSON (asJSON) or text (render), and turns its verdict into the exit code:
// 1 unless the script returned a profile without error findings; against a
// real JIRA (realJIRA), 3 when the run failed because JIRA did.
// sources (file name to source) lets a failure quote the line of its stack.
func printResult(stdout, stderr io.Writer, res *script.Result, asJSON, realJIRA bool, sources map[string]string) error {
	v := verdict.Judge(res, realJIRA)
	if err := render.Run(stdout, stderr, res, v.Findings, sources, asJSON); err != nil {
		return err
	}
	switch v.Kind {
	case verdict.JIRAFailed:
		return exit.RemoteFailed(fmt.Errorf("JIRA failed (%s), so the script could not be checked; try again, or check that JIRA is up and that this machine reaches it", v.JIRAFailure))
	case verdict.Failed:
		return exit.Failed(nil)
	}
	return nil
}
