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

// KeygenNext says on w (stderr) what keygen wrote and what to do next: paste
// the settings into JIRA, then publish. tenant is the Auth0 tenant as given,
// "" when none was (the callback URL is then a placeholder).
func KeygenNext(w io.Writer, r LinkSettings, tenant string) {
	fmt.Fprintf(w, "bridge: wrote %s (private key, mode 0600: keep it secret, it goes to Auth0 only) and %s (public key, for JIRA)\n", r.PrivateKeyFile, r.PublicKeyFile)
	if tenant == "" {
		tenant = "TENANT"
		fmt.Fprintf(w, "bridge: give --domain TENANT (or AUTH0_DOMAIN) to fill in the Consumer Callback URL\n")
	}
	fmt.Fprintf(w, "bridge: next: paste these settings into JIRA, then run\n  bridge publish --jira-url JIRA_URL --consumer-key %s --private-key %s --public-key %s --domain %s\n", r.ConsumerKey, r.PrivateKeyFile, r.PublicKeyFile, tenant)
}
