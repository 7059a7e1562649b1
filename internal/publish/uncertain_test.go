package publish

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/auth0/auth0fake"
)

// A write that got a 5xx (or no answer) may still have happened on the tenant:
// the error must not claim that nothing changed.
func TestUnknownWriteOutcome(t *testing.T) {
	for _, tc := range []struct {
		name, step, write string
		seed              bool
		fail              func(f *auth0fake.Server)
		maybe             bool
	}{
		{name: "create applied, every answer lost", step: "create", write: "POST /api/v2/connections",
			fail: func(f *auth0fake.Server) {
				f.Fail("POST", "/api/v2/connections", 100, auth0fake.Fault{Status: 503, Apply: true})
			}, maybe: true},
		{name: "update answered 500", step: "update", write: "PATCH /api/v2/connections/con_", seed: true,
			fail: func(f *auth0fake.Server) { f.Fail("PATCH", "", 100, auth0fake.Fault{Status: 500}) }, maybe: true},
		{name: "create refused 400", step: "create",
			fail: func(f *auth0fake.Server) {
				f.Fail("POST", "", 1, auth0fake.Fault{Status: 400, Message: "Payload validation error", ErrorCode: "invalid_body"})
			}},
		{name: "create rate limited", step: "create",
			fail: func(f *auth0fake.Server) { f.Fail("POST", "", 100, auth0fake.Fault{Status: 429, RetryAfter: "0"}) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			if tc.seed {
				opts := newOptions()
				opts["signatureMethod"] = "HMAC-SHA1" // something to update
				e.fake.Seed(string(encode(map[string]any{"name": "jira", "strategy": "oauth1", "options": opts})))
			}
			tc.fail(e.fake)
			_, err := Run(context.Background(), e.plan)
			var pe *Error
			if !errors.As(err, &pe) || pe.Step != tc.step {
				t.Fatalf("err = %v; want a publish error at step %s", err, tc.step)
			}
			says := strings.Contains(err.Error(), "nothing was changed on the tenant")
			if tc.maybe {
				if says || !strings.Contains(pe.MaybeChanged, tc.write) || !strings.Contains(err.Error(), "may have reached the tenant") {
					t.Errorf("err = %q (MaybeChanged %q); want it to say %s may have reached the tenant", err, pe.MaybeChanged, tc.write)
				}
			} else if !says || pe.MaybeChanged != "" {
				t.Errorf("err = %q; a refused write changed nothing and should say so", err)
			}
			noSecrets(t, err.Error(), e.log.String())
		})
	}
}

// A 409 on create, yet no connection has exactly the name: say so, and that
// nothing was changed.
func TestConflictWithoutExactName(t *testing.T) {
	e := newEnv(t)
	e.fake.Fail("POST", "/api/v2/connections", 1, auth0fake.Fault{Status: 409, Message: "A connection with the same name already exists", ErrorCode: "connection_conflict"})
	_, err := Run(context.Background(), e.plan)
	var pe *Error
	if !errors.As(err, &pe) || pe.Step != "create" || !strings.Contains(err.Error(), "no connection has exactly that name") ||
		!strings.Contains(err.Error(), "nothing was changed on the tenant") {
		t.Fatalf("err = %v", err)
	}
}
