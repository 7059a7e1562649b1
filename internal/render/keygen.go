package render

import (
	"fmt"
	"io"
)

// LinkSettings are what `bridge keygen` reports: the files and the settings of
// JIRA's Application Link (Auth0 JIRA guide, step 2).
type LinkSettings struct {
	PrivateKeyFile string `json:"private_key_file"`
	PublicKeyFile  string `json:"public_key_file"`
	Bits           int    `json:"bits"`
	ConsumerKey    string `json:"consumer_key"`
	ConsumerName   string `json:"consumer_name"`
	PublicKey      string `json:"public_key"`
	CallbackURL    string `json:"callback_url,omitempty"` // "" when no --domain
}

// LinkSettingsText writes the JIRA Application Link settings of the Auth0
// JIRA guide's step 2.
func LinkSettingsText(w io.Writer, r LinkSettings) error {
	callback := r.CallbackURL
	if callback == "" {
		callback = "https://YOUR_TENANT/login/callback"
	}
	appURL := "any URL (ignore JIRA's \"No response was received from the URL\" warning)"
	_, err := fmt.Fprintf(w, `JIRA: Administration > Applications > Application Links > Create link
  Application URL:       %s
  Application Name:      %s
  Application Type:      Generic Application
  Create incoming link:  checked (leave all other options blank)

Incoming link (later: the link's Incoming Authentication):
  Consumer Key:          %s
  Consumer Name:         %s
  Consumer Callback URL: %s
  Public Key:            the whole of %s:

%s`, appURL, r.ConsumerName, r.ConsumerKey, r.ConsumerName, callback, r.PublicKeyFile, r.PublicKey)
	return err
}
