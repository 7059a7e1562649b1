package migrate

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

func compileT(t *testing.T, name, src string) *script.Program {
	t.Helper()
	p, err := script.Compile(name, src)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func shippedNew(t *testing.T) map[jiramock.Flavor]*script.Program {
	return map[jiramock.Flavor]*script.Program{
		jiramock.Server: compileT(t, bridge.ShippedOAuth2ServerScriptName, bridge.ShippedOAuth2ServerScript),
		jiramock.Cloud:  compileT(t, bridge.ShippedOAuth2CloudScriptName, bridge.ShippedOAuth2CloudScript),
	}
}

// The shipped scripts keep every user's user_id and email: Jira's name on
// Data Center, the Atlassian account id on Cloud (docs/migration.md).
func TestShippedScriptsKeepUsers(t *testing.T) {
	rep, err := Run(context.Background(), Options{Old: compileT(t, bridge.ShippedScriptName, bridge.ShippedScript), New: shippedNew(t)})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Users) != len(jiramock.DefaultUsers(jiramock.Server))+len(jiramock.DefaultUsers(jiramock.Cloud)) {
		t.Fatalf("%d users compared", len(rep.Users))
	}
	for _, u := range rep.Users {
		if u.OldError != "" || u.NewError != "" || len(u.Diffs) != 0 {
			t.Errorf("%s %s: %+v", u.Flavor, u.ID, u)
		}
		if u.Old["user_id"] == nil || u.Old["user_id"] != u.New["user_id"] {
			t.Errorf("%s %s: user_id %v -> %v", u.Flavor, u.ID, u.Old["user_id"], u.New["user_id"])
		}
	}
	var b bytes.Buffer
	if err := WriteText(&b, rep); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "cloud  5b10a2844c20165700ede21g: same user_id, email and email_verified") ||
		!strings.Contains(b.String(), "0 of 4 users change") {
		t.Errorf("text report:\n%s", b.String())
	}
}

// An OAuth 2.0 DC script that takes Jira's key as user_id splits every user
// whose key is not their name (jdoe's is JIRAUSER10640): reported with both
// values; an email_verified the old script never set shows as added.
func TestUserIDChangeReported(t *testing.T) {
	src := strings.Replace(bridge.ShippedOAuth2ServerScript, "user_id: user.name,", "user_id: user.key, email_verified: true,", 1)
	if src == bridge.ShippedOAuth2ServerScript {
		t.Fatal("the shipped DC script no longer maps user_id from user.name")
	}
	rep, err := Run(context.Background(), Options{Old: compileT(t, bridge.ShippedScriptName, bridge.ShippedScript),
		New: map[jiramock.Flavor]*script.Program{jiramock.Server: compileT(t, "key.js", src)}})
	if err != nil {
		t.Fatal(err)
	}
	var jdoe *User
	for i := range rep.Users {
		if rep.Users[i].ID == "jdoe" {
			jdoe = &rep.Users[i]
		}
		if rep.Users[i].Flavor != jiramock.Server {
			t.Errorf("a %s user compared without a script of that flavour", rep.Users[i].Flavor)
		}
	}
	if jdoe == nil || len(jdoe.Diffs) != 2 || jdoe.Diffs[0] != (Diff{"user_id", "jdoe", "JIRAUSER10640"}) ||
		jdoe.Diffs[1] != (Diff{"email_verified", nil, true}) {
		t.Fatalf("jdoe: %+v", jdoe)
	}
	var b bytes.Buffer
	_ = WriteText(&b, rep)
	for _, want := range []string{`server jdoe: 2 difference(s)`, `user_id: "jdoe" -> "JIRAUSER10640"`, "Auth0 will see a new person", `email_verified: (none) -> true`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("text report lacks %q:\n%s", want, b.String())
		}
	}
}
