package jiratarget

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/credentials"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/script"
	"github.com/jira-auth0-bridge/bridge/internal/scriptsrc"
)

func TestMockRunsTheShippedScript(t *testing.T) {
	target, err := Mock(context.Background(), jiramock.Server, "jdoe")
	if err != nil {
		t.Fatal(err)
	}
	defer target.Close()
	if target.Token == "" || target.TokenSecret == "" || target.JIRAURL == "" {
		t.Fatalf("target = %+v; want the mock's URL and a token", target.JIRA)
	}
	res := target.Run(context.Background(), scriptsrc.Shipped(), script.Options{Timeout: 20 * time.Second})
	if res.Outcome != script.KindProfile {
		t.Fatalf("outcome %s: %+v", res.Outcome, res.Error)
	}
}

func TestMockUnknownUser(t *testing.T) {
	_, err := Mock(context.Background(), jiramock.Cloud, "fred")
	var e *UnknownUserError
	if !errors.As(err, &e) || e.ID != "fred" || e.Flavor != jiramock.Cloud || len(e.IDs) == 0 {
		t.Fatalf("Mock(cloud, fred) = %v; want an *UnknownUserError listing the cloud users", err)
	}
}

func TestRunSyntaxError(t *testing.T) {
	res := Real(credentials.JIRA{JIRAURL: "https://jira.example.com"}, "").Run(context.Background(), scriptsrc.Source{Name: "bad.js", Text: "function ("}, script.Options{})
	if res.Outcome != script.KindSyntax {
		t.Errorf("outcome %s; want syntax", res.Outcome)
	}
}
