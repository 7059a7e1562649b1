package credentials

import (
	"io"

	"github.com/jira-auth0-bridge/bridge/internal/inputfile"
)

// The environment variables of JIRA's consumer, read by connection, publish
// and live (flags win). The private key variable holds the PEM itself, as CI
// secrets hold it. JIRA_URL is never read: it is the script's placeholder,
// and a stray export must not change what bridge talks to.
const (
	EnvJIRAURL     = "BRIDGE_JIRA_URL"
	EnvConsumerKey = "BRIDGE_CONSUMER_KEY"
	EnvPrivateKey  = "BRIDGE_PRIVATE_KEY"
)

// StdinKey is the --private-key value that reads the key from standard input.
const StdinKey = "-"

// Consumer is JIRA's consumer as the flags give it; "" is not given.
// PrivateKey is a file, or StdinKey.
type Consumer struct {
	JIRAURL, ConsumerKey, PrivateKey string
}

// Key is a private key read from where the Consumer says.
type Key struct {
	PEM    []byte // nil when the key is a file the caller reads itself
	Source string // the file, "standard input" or "$BRIDGE_PRIVATE_KEY": what messages call it
}

// Resolve fills the settings the flags left empty from the environment and
// reads the key given by StdinKey or EnvPrivateKey. A key file is left to
// the caller (Key.PEM nil, Source the file); no key at all is Source "".
func (c Consumer) Resolve(getenv Getenv, stdin io.Reader) (Consumer, Key, error) {
	c.JIRAURL = pick(c.JIRAURL, getenv(EnvJIRAURL))
	c.ConsumerKey = pick(c.ConsumerKey, getenv(EnvConsumerKey))
	switch {
	case c.PrivateKey == StdinKey:
		pem, err := inputfile.ReadOrStdin(StdinKey, stdin, inputfile.MaxKeyFile, "private key")
		return c, Key{PEM: pem, Source: "standard input"}, err
	case c.PrivateKey != "":
		return c, Key{Source: c.PrivateKey}, nil
	case getenv(EnvPrivateKey) != "":
		c.PrivateKey = "$" + EnvPrivateKey
		return c, Key{PEM: []byte(getenv(EnvPrivateKey)), Source: c.PrivateKey}, nil
	}
	return c, Key{}, nil
}
