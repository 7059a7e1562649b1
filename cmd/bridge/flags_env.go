package main

import (
	"crypto/rsa"
	"io"
	"os"

	"github.com/jira-auth0-bridge/bridge/internal/credentials"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
)

// resolve fills the JIRA flags left empty from BRIDGE_JIRA_URL,
// BRIDGE_CONSUMER_KEY and BRIDGE_PRIVATE_KEY (the PEM itself), and reads
// `--private-key -` from stdin (internal/credentials: flags win; JIRA_URL is
// never read). connection, publish and live call it; run does not.
func (f *jiraFlags) resolve(stdin io.Reader) error {
	c, k, err := credentials.Consumer{JIRAURL: f.url, ConsumerKey: f.consumerKey, PrivateKey: f.privateKey}.Resolve(os.Getenv, stdin)
	if err != nil {
		return exit.Usagef("--private-key -: %v; pipe the PEM in, e.g. bridge … --private-key - < jira.key", err)
	}
	f.url, f.consumerKey, f.privateKey, f.keyPEM = c.JIRAURL, c.ConsumerKey, c.PrivateKey, k.PEM
	return nil
}

// readKey is the private key's PEM: what resolve read, or the file.
func (f *jiraFlags) readKey(what string) (string, error) {
	if f.keyPEM != nil {
		return string(f.keyPEM), nil
	}
	return readInputFile("--private-key", f.privateKey, what)
}

// loadKey parses the private key: what resolve read, or the file.
func (f *jiraFlags) loadKey() (*rsa.PrivateKey, []byte, error) {
	if f.keyPEM != nil {
		return keys.PrivateKeyPEM(f.keyPEM, f.privateKey)
	}
	return keys.LoadPrivateKey(f.privateKey)
}
