package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/jira-auth0-bridge/bridge/internal/auth0/auth0fake"
)

// fakes holds each script's fake tenant.
var fakes sync.Map // *testscript.TestScript -> *fakeTenant

// fakeTenant is a script's fake tenant.
type fakeTenant struct {
	*auth0fake.Server
}

// cmdAuth0Fake drives an in-process fake Auth0 tenant (internal/auth0/auth0fake)
// from a testscript:
//
//	auth0fake start                        start it; $AUTH0_FAKE is its base URL
//	auth0fake token TOKEN [SCOPE…|all]     register a Management API token
//	auth0fake client ID SECRET [SCOPE…|all] register a client-credentials application
//	auth0fake seed FILE                    store the connection in FILE; $CONN_ID is its id
//	auth0fake enable CLIENT…               enable $CONN_ID for clients
//	auth0fake fail METHOD PATH N STATUS [RETRY-AFTER]  the next N matching requests fail ("-" = any)
//	auth0fake tamper                       rewrite the stored script after every write
//	auth0fake requests N | writes N        assert the number of requests (writes) received
//	auth0fake stored NAME FILE             write the stored connection NAME to FILE
//	auth0fake enabled FILE                 write $CONN_ID's enabled clients to FILE, one a line
//	auth0fake nosecrets KEYFILE SECRET…    the last command's stdout and stderr show no line
//	                                       of the PEM in KEYFILE, and none of the SECRETs
func cmdAuth0Fake(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) == 0 {
		ts.Fatalf("usage: auth0fake start|token|client|seed|enable|fail|tamper|requests|writes|stored|enabled|nosecrets …")
	}
	if args[0] == "start" {
		s := &fakeTenant{Server: auth0fake.New()}
		ts.Defer(s.Close)
		fakes.Store(ts, s)
		ts.Setenv("AUTH0_FAKE", s.URL())
		return
	}
	v, ok := fakes.Load(ts)
	if !ok {
		ts.Fatalf("auth0fake: say `auth0fake start` first")
	}
	s := v.(*fakeTenant)
	scopes := func(in []string) []string {
		if len(in) == 1 && in[0] == "all" {
			return auth0fake.AllScopes
		}
		return in
	}
	count := func(n int, what string) {
		want, err := strconv.Atoi(args[1])
		ts.Check(err)
		if (n == want) == neg {
			ts.Fatalf("auth0fake: %d %s; want %s%d:\n%s", n, what, map[bool]string{true: "not ", false: ""}[neg], want, fakeLog(s.Server))
		}
	}
	switch args[0] {
	case "token":
		s.AddToken(args[1], scopes(args[2:])...)
	case "client":
		s.AddClient(args[1], args[2], scopes(args[3:])...)
	case "seed":
		ts.Setenv("CONN_ID", s.Seed(ts.ReadFile(args[1])))
	case "enable":
		s.EnableClients(ts.Getenv("CONN_ID"), args[1:]...)
	case "fail":
		n, err := strconv.Atoi(args[3])
		ts.Check(err)
		status, err := strconv.Atoi(args[4])
		ts.Check(err)
		f := auth0fake.Fault{Status: status}
		if len(args) > 5 {
			f.RetryAfter = args[5]
		}
		s.Fail(any2empty(args[1]), any2empty(args[2]), n, f)
	case "tamper":
		// SetAfterWrite takes the fake's lock: safe while it serves.
		s.SetAfterWrite(func(c map[string]any) {
			if o, ok := c["options"].(map[string]any); ok {
				o["scripts"] = map[string]any{"fetchUserProfile": "function (t, s, ctx, cb) { cb(null, {user_id: 'tampered'}); }"}
			}
		})
	case "requests":
		count(len(s.Requests()), "requests")
	case "writes":
		count(len(s.Writes()), "writes")
	case "stored":
		for _, raw := range s.Connections() {
			var c struct{ Name string }
			_ = json.Unmarshal(raw, &c)
			if c.Name == args[1] {
				ts.Check(os.WriteFile(ts.MkAbs(args[2]), raw, 0o600))
				return
			}
		}
		ts.Fatalf("auth0fake: no connection named %s", args[1])
	case "enabled":
		ids := s.EnabledClients(ts.Getenv("CONN_ID"))
		ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(strings.Join(ids, "\n")+"\n"), 0o600))
	case "nosecrets":
		out := ts.ReadFile("stdout") + ts.ReadFile("stderr")
		var secrets []string
		for _, line := range strings.Split(ts.ReadFile(args[1]), "\n") {
			if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "-----") {
				secrets = append(secrets, line)
			}
		}
		if len(secrets) == 0 {
			ts.Fatalf("auth0fake: %s holds no PEM body", args[1])
		}
		secrets = append(secrets, args[2:]...)
		for _, sec := range secrets {
			if strings.Contains(out, sec) {
				ts.Fatalf("auth0fake: the output shows a secret (%.10s…)", sec)
			}
		}
	default:
		ts.Fatalf("auth0fake: unknown subcommand %q", args[0])
	}
}

func any2empty(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

func fakeLog(s *auth0fake.Server) string {
	var b strings.Builder
	for _, r := range s.Requests() {
		fmt.Fprintf(&b, "  %s %s %d %s\n", r.Method, r.Path, r.Status, r.Fault)
	}
	return b.String()
}
