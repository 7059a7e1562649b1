package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/cases"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// nodeInput is bench/node/run.js's input.
type nodeInput struct {
	Script      string         `json:"script"`
	Ctx         map[string]any `json:"ctx"`
	Cases       []nodeCase     `json:"cases"`
	Concurrency int            `json:"concurrency"`
	TimeoutMS   int            `json:"timeout_ms"`
}

type nodeCase struct {
	Name        string `json:"name"`
	Token       string `json:"token"`
	TokenSecret string `json:"tokenSecret"`
}

// nodeOutput is run.js's output.
type nodeOutput struct {
	WallMS   float64 `json:"wall_ms"`
	Profiles int     `json:"profiles"`
	Errors   int     `json:"errors"`
	Results  []struct {
		Name    string          `json:"name"`
		Outcome string          `json:"outcome"`
		Profile json.RawMessage `json:"profile"`
		Error   string          `json:"error"`
	} `json:"results"`
}

// runNode runs the shipped script under Node with the real oauth@0.10.2 on
// the cases of dir, against one in-process mock JIRA that mints each case's
// token as `bridge test` does (same user, flavor and faults). It returns the
// process's measures, run.js's output and the signatures the mock verified.
func runNode(nodeBin, runJS, dir, tmp string, concurrency int) (run, *nodeOutput, int, error) {
	cs, err := cases.LoadDir(dir)
	if err != nil {
		return run{}, nil, 0, err
	}
	mock, err := jiramock.New(jiramock.Config{})
	if err != nil {
		return run{}, nil, 0, err
	}
	defer mock.Close()
	in := nodeInput{
		Script:      bridge.RenderScript(bridge.ShippedScript, mock.URL()),
		Ctx:         script.ContextFor(mock.URL(), bridge.DefaultConsumerKey, string(bridge.TestPrivateKeyPEM)).Object(),
		Concurrency: concurrency,
		TimeoutMS:   120_000,
	}
	for _, c := range cs {
		tok, sec, err := mock.MintAccessToken(jiramock.Grant{ConsumerKey: bridge.DefaultConsumerKey,
			UserObject: c.User, Flavor: c.Flavor, Faults: c.Faults})
		if err != nil {
			return run{}, nil, 0, fmt.Errorf("case %s: %w", c.Name, err)
		}
		in.Cases = append(in.Cases, nodeCase{Name: c.Name, Token: tok, TokenSecret: sec})
	}
	b, _ := json.Marshal(in)
	inPath := filepath.Join(tmp, "node-input.json")
	if err := os.WriteFile(inPath, b, 0o600); err != nil {
		return run{}, nil, 0, err
	}
	mockCPU := selfCPU()
	r, err := measure(nodeBin, runJS, inPath)
	// The mock serves Node from this process: its CPU time counts for Node.
	r.extra = selfCPU() - mockCPU
	r.cpu += r.extra
	if err != nil {
		return r, nil, 0, err
	}
	var out nodeOutput
	if err := json.Unmarshal(r.stdout, &out); err != nil {
		return r, nil, 0, fmt.Errorf("reading run.js's output (%q): %w", truncate(string(r.stdout), 200), err)
	}
	sigs := 0
	for _, e := range mock.Requests() {
		if e.Verdict == "ok" {
			sigs++
		}
	}
	return r, &out, sigs, nil
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}
