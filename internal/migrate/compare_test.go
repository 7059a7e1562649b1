package migrate

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge"
)

// Compare's banner names the old script and the flavours on stderr, and
// its report lands on stdout in the format asked for.
func TestCompareBannerAndFormat(t *testing.T) {
	o := Options{Old: compileT(t, bridge.ShippedScriptName, bridge.ShippedScript), New: shippedNew(t)}
	for _, asJSON := range []bool{false, true} {
		var stdout, stderr bytes.Buffer
		rep, err := Compare(context.Background(), o, asJSON, &stdout, &stderr)
		if err != nil {
			t.Fatal(err)
		}
		want := "bridge: comparing " + bridge.ShippedScriptName + " (oauth1) with the oauth2 script of 2 flavour(s) over the mock's users\n"
		if stderr.String() != want {
			t.Errorf("stderr = %q, want %q", stderr.String(), want)
		}
		if rep == nil || len(rep.Users) == 0 {
			t.Fatalf("report = %+v, want users", rep)
		}
		if isJSON := json.Valid(stdout.Bytes()); isJSON != asJSON {
			t.Errorf("asJSON %v: stdout is JSON: %v\n%s", asJSON, isJSON, stdout.String())
		}
		if !asJSON && !strings.Contains(stdout.String(), "same user_id, email and email_verified") {
			t.Errorf("text report lacks the verdict per user:\n%s", stdout.String())
		}
	}
}
