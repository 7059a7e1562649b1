package render

import (
	"bytes"
	"strings"
	"testing"
)

// TestKeygenNext: the files written, the hint for --domain only without a
// tenant, and the publish command with the tenant or TENANT.
func TestKeygenNext(t *testing.T) {
	r := LinkSettings{PrivateKeyFile: "k/jira.key", PublicKeyFile: "k/jira.pub", ConsumerKey: "auth0-jira"}
	var b bytes.Buffer
	KeygenNext(&b, r, "t.eu.auth0.com")
	want := "bridge: wrote k/jira.key (private key, mode 0600: keep it secret, it goes to Auth0 only) and k/jira.pub (public key, for JIRA)\n" +
		"bridge: next: paste these settings into JIRA, then run\n  bridge publish --jira-url JIRA_URL --consumer-key auth0-jira --private-key k/jira.key --public-key k/jira.pub --domain t.eu.auth0.com\n"
	if b.String() != want {
		t.Errorf("with a tenant:\n%s\nwant:\n%s", b.String(), want)
	}
	b.Reset()
	KeygenNext(&b, r, "")
	if !strings.Contains(b.String(), "bridge: give --domain TENANT (or AUTH0_DOMAIN)") || !strings.HasSuffix(b.String(), "--domain TENANT\n") {
		t.Errorf("without a tenant:\n%s", b.String())
	}
}
