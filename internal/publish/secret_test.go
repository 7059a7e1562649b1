package publish

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

func TestIsSecretKey(t *testing.T) {
	for k, want := range map[string]bool{
		"client_secret": true, "consumerSecret": true, "consumer_secret": true,
		"Authorization": true, "Cookie": true, "X-Api-Key": true, "apiKey": true,
		"password": true, "access_token": true, "refreshToken": true, "privateKey": true,
		"client_id": false, "consumerKey": false, "requestTokenURL": false, "accessTokenURL": false,
		"userAuthorizationURL": false, "signatureMethod": false, "scripts": false, "customHeaders": false,
	} {
		if got := isSecretKey(k); got != want {
			t.Errorf("isSecretKey(%q) = %v, want %v", k, got, want)
		}
	}
}

// A dry run prints the whole merged options: credentials the tenant holds in
// options bridge does not set (say, customHeaders) must not show.
func TestDryRunMasksTenantCredentials(t *testing.T) {
	e := newEnv(t)
	opts := newOptions()
	opts["client_id"] = "old-consumer"
	opts["customHeaders"] = map[string]any{"Authorization": "Bearer tenant-header-credential-42", "X-Trace": "on"}
	e.fake.Seed(string(encode(map[string]any{"name": "jira", "strategy": "oauth1", "options": opts})))
	e.plan.DryRun = true
	res, err := Run(context.Background(), e.plan)
	if err != nil {
		t.Fatal(err)
	}
	out, _ := json.Marshal(res)
	if strings.Contains(string(out), "tenant-header-credential-42") {
		t.Errorf("dry run shows the tenant's header credential: %s", out)
	}
	if !strings.Contains(string(out), `\"X-Trace\":\"on\"`) {
		t.Errorf("dry run hides a harmless option too: %s", out)
	}
}
