package version

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// action.yml is a composite action whose test step asks bridge for GitHub
// annotations and a JUnit report, and the example workflow uses it.
func TestActionRunsBridgeTest(t *testing.T) {
	root := repoRoot(t)
	var action struct {
		Name   string `yaml:"name"`
		Inputs map[string]struct {
			Default string `yaml:"default"`
		} `yaml:"inputs"`
		Runs struct {
			Using string `yaml:"using"`
			Steps []struct {
				Uses  string `yaml:"uses"`
				Shell string `yaml:"shell"`
				Run   string `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"runs"`
	}
	b, err := os.ReadFile(filepath.Join(root, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, &action); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	if action.Runs.Using != "composite" {
		t.Errorf("runs.using = %q, want composite", action.Runs.Using)
	}
	var testStep string
	for _, s := range action.Runs.Steps {
		if s.Run != "" && s.Shell == "" {
			t.Errorf("composite run step without shell: %q", s.Run)
		}
		if strings.Contains(s.Run, "set -- test ") {
			testStep = s.Run
		}
	}
	for _, want := range []string{"--format github", `--junit "$BRIDGE_JUNIT"`} {
		if !strings.Contains(testStep, want) {
			t.Errorf("the bridge test step lacks %q:\n%s", want, testStep)
		}
	}
	for _, in := range []string{"script", "cases", "junit", "strict", "args"} {
		if _, ok := action.Inputs[in]; !ok {
			t.Errorf("action.yml has no input %q", in)
		}
	}

	var wf struct {
		Jobs map[string]struct {
			Steps []struct {
				Uses string            `yaml:"uses"`
				With map[string]string `yaml:"with"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	b, err = os.ReadFile(filepath.Join(root, ".github", "workflows", "bridge-example.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, &wf); err != nil {
		t.Fatalf("bridge-example.yml: %v", err)
	}
	used := false
	for _, j := range wf.Jobs {
		for _, s := range j.Steps {
			if s.Uses == "./" {
				used = true
				for k, v := range s.With {
					if _, ok := action.Inputs[k]; !ok {
						t.Errorf("the example passes %s=%q, which action.yml does not declare", k, v)
					}
					if k == "cases" || k == "script" {
						if _, err := os.Stat(filepath.Join(root, v)); err != nil {
							t.Errorf("the example's %s %q: %v", k, v, err)
						}
					}
				}
			}
		}
	}
	if !used {
		t.Error("the example workflow does not use the action (uses: ./)")
	}
}
