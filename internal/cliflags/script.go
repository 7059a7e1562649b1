package cliflags

import (
	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/scriptsrc"
)

// CheckMockScript refuses (exit 2), before any case runs, a script for the
// mock JIRA that holds a literal URL where bridge expects JIRA_URL: no
// request of it could reach the mock (scriptsrc.LiteralURL). bridge stops
// rather than mapping the literal host to the mock, so that what is tested
// is what is published (README "Day two").
func CheckMockScript(src scriptsrc.Source) error {
	if err := src.LiteralURL(); err != nil {
		return exit.Usagef("--script %v", err)
	}
	return nil
}

// NeedsCases refuses (exit 2), in test as in publish, a --script of the
// user's own without --cases: the built-in suite's expected profiles belong
// to the shipped script (suiteconfig.Config.NeedsCases).
func NeedsCases(script string) error {
	return exit.Usagef("--script %s needs --cases DIR: the built-in suite's expected profiles belong to the shipped script; start a suite for your script with `bridge init DIR`, edit its cases, then pass --cases DIR", script)
}
