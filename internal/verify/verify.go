// Package verify runs the test suite against the script about to be
// published, with the user's own consumer key and private key: `bridge
// publish` sends nothing to Auth0 unless it passes (README "publish").
package verify

import (
	"context"
	"crypto/rsa"
	"errors"
	"fmt"
	"io"

	"github.com/jira-auth0-bridge/bridge/internal/cases"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/report"
	"github.com/jira-auth0-bridge/bridge/internal/script"
	"github.com/jira-auth0-bridge/bridge/internal/suite"
)

// ErrNoCases is a cases directory without case files: an untested script is
// never published.
var ErrNoCases = errors.New("holds no case files: bridge never publishes a script that has not been tested; start a suite with `bridge init DIR`")

// FailedError says how many cases failed.
type FailedError struct{ Failed, Total int }

func (e *FailedError) Error() string {
	return fmt.Sprintf("%d of %d cases failed: fix the script (bridge test shows the details) before publishing", e.Failed, e.Total)
}

// Cases loads the case files below dir, or the built-in suite when dir is
// "". A directory without cases is ErrNoCases.
func Cases(dir string) ([]*cases.Case, error) {
	if dir == "" {
		return cases.Default()
	}
	cs, err := cases.LoadDir(dir)
	if err == nil && len(cs) == 0 {
		err = fmt.Errorf("%s %w", dir, ErrNoCases)
	}
	return cs, err
}

// Options are what the suite runs with.
type Options struct {
	Program       *script.Program // the script as it will be published, unrendered
	Cases         []*cases.Case
	ConsumerKey   string
	PrivateKey    *rsa.PrivateKey
	PrivateKeyPEM string
	Log           io.Writer // progress, and the report of the failing cases

	// Protocol is the script's protocol ("" is oauth1): only the cases of
	// it run. An oauth2 script is one flavour's (Flavor), and only that
	// flavour's cases run.
	Protocol string
	Flavor   jiramock.Flavor
}

// selected are the cases of o's protocol (and, for oauth2, flavour).
func (o Options) selected() ([]*cases.Case, error) {
	p := o.Protocol
	if p == "" {
		p = script.ProtocolOAuth1
	}
	cs := cases.FilterProtocol(o.Cases, p)
	if p == script.ProtocolOAuth2 && o.Flavor != "" {
		cs = cases.Filter(cs, nil, o.Flavor)
	}
	if len(cs) == 0 {
		return nil, fmt.Errorf("the cases hold none of protocol %s (flavour %s), and bridge never publishes a script that has not been tested: give --cases with such cases (`bridge init --protocol %s DIR` starts some) or the script's own --protocol and --flavor", p, o.Flavor, p)
	}
	return cs, nil
}

// Suite runs the cases. It returns nil when every case passed, a
// *FailedError when some failed (their report is on Log), or the suite's own
// error.
func Suite(ctx context.Context, o Options) error {
	cs, err := o.selected()
	if err != nil {
		return err
	}
	if o.Protocol == script.ProtocolOAuth2 {
		fmt.Fprintf(o.Log, "bridge: verifying %s as an OAuth 2.0 (%s) script: %d cases\n", o.Program.Filename(), o.Flavor, len(cs))
	} else {
		fmt.Fprintf(o.Log, "bridge: verifying %s with consumer key %s and your private key: %d cases\n", o.Program.Filename(), o.ConsumerKey, len(cs))
	}
	rep, err := suite.Run(ctx, suite.Options{
		Program:       o.Program,
		Cases:         cs,
		ConsumerKey:   o.ConsumerKey,
		PrivateKey:    o.PrivateKey,
		PrivateKeyPEM: o.PrivateKeyPEM,
	})
	if err != nil {
		return err
	}
	if !rep.Passed() {
		_ = report.WriteText(o.Log, rep, report.TextOptions{})
		return &FailedError{Failed: rep.Summary.Failed, Total: rep.Summary.Total}
	}
	fmt.Fprintf(o.Log, "bridge: %d passed, 0 failed\n", rep.Summary.Passed)
	return nil
}
