package credentials

import (
	"strings"
	"testing"
)

func TestConsumerResolve(t *testing.T) {
	env := map[string]string{EnvJIRAURL: "https://env.example.com", EnvConsumerKey: "env-key", EnvPrivateKey: "ENV PEM", "JIRA_URL": "https://stray.example.com"}
	getenv := func(k string) string { return env[k] }

	// The environment fills what the flags leave empty; JIRA_URL is never read.
	c, k, err := Consumer{}.Resolve(getenv, nil)
	if err != nil || c.JIRAURL != "https://env.example.com" || c.ConsumerKey != "env-key" || string(k.PEM) != "ENV PEM" || k.Source != "$BRIDGE_PRIVATE_KEY" {
		t.Fatalf("env: %+v %+v %v", c, k, err)
	}
	// Flags win, a key file is left to the caller.
	c, k, err = Consumer{JIRAURL: "https://flag.example.com", ConsumerKey: "flag-key", PrivateKey: "jira.key"}.Resolve(getenv, nil)
	if err != nil || c.JIRAURL != "https://flag.example.com" || c.ConsumerKey != "flag-key" || k.PEM != nil || k.Source != "jira.key" {
		t.Fatalf("flags: %+v %+v %v", c, k, err)
	}
	// "-" reads standard input, over the environment.
	_, k, err = Consumer{PrivateKey: "-"}.Resolve(getenv, strings.NewReader("STDIN PEM"))
	if err != nil || string(k.PEM) != "STDIN PEM" || k.Source != "standard input" {
		t.Fatalf("stdin: %+v %v", k, err)
	}
	// Nothing anywhere, and a stray JIRA_URL: nothing resolved.
	c, k, err = Consumer{}.Resolve(func(k string) string { return map[string]string{"JIRA_URL": "https://stray.example.com"}[k] }, nil)
	if err != nil || c != (Consumer{}) || k.PEM != nil || k.Source != "" {
		t.Fatalf("empty: %+v %+v %v", c, k, err)
	}
}
