package live

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"golang.org/x/oauth2"

	"github.com/jira-auth0-bridge/bridge/internal/atomicfile"
)

// OAuth2TokenFile is what --save-token writes after an OAuth 2.0 dance: the
// tokens for one client on one Jira (Data Center) or Atlassian Cloud, with
// the refresh token so that a later run can refresh instead of asking the
// person again. It is a secret: written with mode 0600, like TokenFile.
type OAuth2TokenFile struct {
	Protocol     string    `json:"protocol"` // "oauth2": tells it apart from an OAuth 1.0a TokenFile
	Flavor       string    `json:"flavor"`   // server or cloud
	JIRAURL      string    `json:"jira_url,omitempty"`
	ClientID     string    `json:"client_id"`
	AccessToken  string    `json:"access_token"`
	TokenType    string    `json:"token_type,omitempty"`
	RefreshToken string    `json:"refresh_token,omitempty"`
	Expiry       time.Time `json:"expiry,omitzero"`
}

// NewOAuth2TokenFile fills a token file from the dance's options and token.
func NewOAuth2TokenFile(opts OAuth2Options, tok *oauth2.Token) OAuth2TokenFile {
	flavor := opts.Flavor
	if flavor == "" {
		flavor = FlavorServer
	}
	return OAuth2TokenFile{Protocol: "oauth2", Flavor: flavor, JIRAURL: opts.JIRAURL, ClientID: opts.ClientID,
		AccessToken: tok.AccessToken, TokenType: tok.TokenType, RefreshToken: tok.RefreshToken, Expiry: tok.Expiry}
}

// Token is the file's token for x/oauth2 (a TokenSource refreshes it when it
// has expired).
func (tf OAuth2TokenFile) Token() *oauth2.Token {
	return &oauth2.Token{AccessToken: tf.AccessToken, TokenType: tf.TokenType, RefreshToken: tf.RefreshToken, Expiry: tf.Expiry}
}

// WriteOAuth2TokenFile writes tf to path with mode 0600, never partially
// (atomicfile.WriteFile), as WriteTokenFile does.
func WriteOAuth2TokenFile(path string, tf OAuth2TokenFile) error {
	data, err := json.MarshalIndent(tf, "", "  ")
	if err != nil {
		return fmt.Errorf("live: encoding the token file: %v", err)
	}
	data = append(data, '\n')
	if err := atomicfile.WriteFile(path, data, 0o600, atomicfile.Replace); err != nil {
		return fmt.Errorf("live: cannot write the token file %s: %w; check that the directory exists and is writable", path, err)
	}
	return nil
}

// ReadOAuth2TokenFile reads a file written by WriteOAuth2TokenFile; it needs
// protocol "oauth2", a flavour, a client id and an access token.
func ReadOAuth2TokenFile(path string) (OAuth2TokenFile, error) {
	var tf OAuth2TokenFile
	data, err := os.ReadFile(path)
	if err != nil {
		return tf, fmt.Errorf("live: reading the token file: %w; write one with bridge live --protocol oauth2 --save-token FILE", err)
	}
	if err := json.Unmarshal(data, &tf); err != nil {
		return tf, fmt.Errorf("live: token file %s: not valid JSON: %w; write it with bridge live --save-token", path, err)
	}
	if tf.Protocol != "oauth2" {
		return tf, fmt.Errorf("live: token file %s is not an OAuth 2.0 token file (protocol %q); write it with bridge live --protocol oauth2 --save-token", path, tf.Protocol)
	}
	for _, f := range []struct{ name, v string }{{"flavor", tf.Flavor}, {"client_id", tf.ClientID}, {"access_token", tf.AccessToken}} {
		if f.v == "" {
			return tf, fmt.Errorf("live: token file %s has no %q; write it with bridge live --protocol oauth2 --save-token", path, f.name)
		}
	}
	return tf, nil
}
