package suite

import (
	"fmt"

	bridge "github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
)

// consumer resolves the options into the consumer the mock trusts and the
// key PEM the script signs with. A user's key does not go to the script: it
// is checked here, and the script and the mock get a stand-in key in the
// same encoding (ephemeral.go).
func consumer(o Options) (jiramock.Consumer, string, error) {
	key := o.ConsumerKey
	if key == "" {
		key = bridge.DefaultConsumerKey
	}
	priv, pemText := o.PrivateKey, o.PrivateKeyPEM
	switch {
	case priv == nil && pemText == "":
		c := jiramock.DefaultConsumer()
		c.Key = key
		return c, string(bridge.TestPrivateKeyPEM), nil
	case priv == nil:
		k, err := keys.ParsePrivateKey([]byte(pemText), "the private key")
		if err != nil {
			return jiramock.Consumer{}, "", fmt.Errorf("suite: %w", err)
		}
		priv = k
	case pemText == "":
		pemText = string(keys.EncodePKCS8(priv))
	}
	if err := checkSigns(priv); err != nil {
		return jiramock.Consumer{}, "", err
	}
	standIn, k, err := ephemeralLike(pemText, priv.N.BitLen())
	if err != nil {
		return jiramock.Consumer{}, "", err
	}
	return jiramock.Consumer{Key: key, Name: "bridge test", PublicKey: &k.PublicKey}, standIn, nil
}
