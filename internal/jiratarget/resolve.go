package jiratarget

import (
	"strings"

	"github.com/jira-auth0-bridge/bridge/internal/credentials"
	"github.com/jira-auth0-bridge/bridge/internal/jira"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
	"github.com/jira-auth0-bridge/bridge/internal/live"
)

// Setting names one input of a run against a real JIRA; the CLI names its
// flag.
type Setting string

// The settings of a run against a real JIRA.
const (
	SettingJIRAURL     Setting = "jira url"
	SettingConsumerKey Setting = "consumer key"
	SettingPrivateKey  Setting = "private key"
	SettingToken       Setting = "token"
	SettingTokenSecret Setting = "token secret"
	SettingTokenFile   Setting = "token file"
)

// RealError is a setting that is missing (Missing, in order) or wrong (Err,
// for Setting: the token file, the private key, or JIRA's URL, a
// *jira.URLError).
type RealError struct {
	Missing []Setting
	Setting Setting
	Err     error
}

func (e *RealError) Error() string {
	if len(e.Missing) > 0 {
		names := make([]string, len(e.Missing))
		for i, s := range e.Missing {
			names[i] = string(s)
		}
		return "jiratarget: missing " + strings.Join(names, ", ")
	}
	return "jiratarget: " + string(e.Setting) + ": " + e.Err.Error()
}

func (e *RealError) Unwrap() error { return e.Err }

// Resolve is the real JIRA given: the settings (flags) win over the token
// file's (live.WriteTokenFile, credentials.JIRA.Fill); the base URL is
// normalized as publish stores it (internal/jira), and the private key file
// is read. Every problem is an *RealError.
func Resolve(given credentials.JIRA, tokenFile, privateKeyFile string) (*Target, error) {
	t := given
	if tokenFile != "" {
		tf, err := live.ReadTokenFile(tokenFile)
		if err != nil {
			return nil, &RealError{Setting: SettingTokenFile, Err: err}
		}
		t = t.Fill(tf)
	}
	var missing []Setting
	for _, s := range []struct {
		s Setting
		v string
	}{{SettingJIRAURL, t.JIRAURL}, {SettingConsumerKey, t.ConsumerKey}, {SettingPrivateKey, privateKeyFile}, {SettingToken, t.Token}, {SettingTokenSecret, t.TokenSecret}} {
		if s.v == "" {
			missing = append(missing, s.s)
		}
	}
	if len(missing) > 0 {
		return nil, &RealError{Missing: missing}
	}
	base, err := jira.NormalizeBaseURL(t.JIRAURL)
	if err != nil {
		return nil, &RealError{Setting: SettingJIRAURL, Err: err}
	}
	t.JIRAURL = base
	_, pemBytes, err := keys.LoadPrivateKey(privateKeyFile)
	if err != nil {
		return nil, &RealError{Setting: SettingPrivateKey, Err: err}
	}
	return Real(t, string(pemBytes)), nil
}
