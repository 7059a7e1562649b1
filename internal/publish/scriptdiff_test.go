package publish

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitApplyCheck runs the real `git apply --check` of patch in a directory
// holding ScriptPath with the deployed script, then applies it and returns
// the result.
func gitApplyCheck(t *testing.T, deployed, patch string) string {
	t.Helper()
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, ScriptPath)
	if err := os.WriteFile(file, []byte(deployed), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"apply", "--check", "-"}, {"apply", "-"}} {
		cmd := exec.Command(git, args...)
		cmd.Dir = dir
		cmd.Stdin = strings.NewReader(patch)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s\npatch:\n%s", strings.Join(args, " "), err, out, patch)
		}
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return string(got)
}

func TestScriptDiffAppliesWithGit(t *testing.T) {
	var lines []string
	for i := 0; i < 80; i++ {
		lines = append(lines, fmt.Sprintf("  line %d", i))
	}
	deployed := strings.Join(lines, "\n") + "\n"
	edited := strings.Replace(deployed, lines[71]+"\n", "  user_id: user.key,\n", 1)
	edited = strings.Replace(edited, lines[3]+"\n", lines[3]+"\n  // added\n", 1)
	for _, tc := range []struct{ name, from, to string }{
		{"two hunks", deployed, edited},
		{"no newline at the end", strings.TrimSuffix(deployed, "\n"), edited},
		{"from nothing", "", edited},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := ScriptDiff("", tc.from, tc.to)
			if !strings.HasPrefix(d, "--- a/"+ScriptPath+"\n+++ b/"+ScriptPath+"\n@@ ") {
				t.Fatalf("not a unified diff:\n%s", d)
			}
			if got := gitApplyCheck(t, tc.from, d); got != tc.to {
				t.Errorf("git apply gave\n%q\nwant\n%q", got, tc.to)
			}
		})
	}
	d := ScriptDiff("", deployed, edited)
	if !strings.Contains(d, "\n-"+lines[71]+"\n+  user_id: user.key,\n") || strings.Count(d, "\n@@ ") != 2 || !strings.HasPrefix(d, "--- ") {
		t.Errorf("diff does not show the change as -/+ lines in two hunks:\n%s", d)
	}
	if ScriptDiff("", deployed, deployed) != "" {
		t.Error("equal scripts: want no diff")
	}
}

// Publishing over a connection whose script was edited on the tenant shows
// the diff against what is deployed.
func TestRunScriptDiffAgainstTenant(t *testing.T) {
	e := newEnv(t)
	tenantScript := strings.Replace(script, "cb(null, {user_id: 'x'});", "cb(null, {user_id: 'dashboard-edit'});", 1)
	opts := newOptions()
	opts["scripts"] = map[string]any{"fetchUserProfile": tenantScript}
	e.fake.Seed(string(encode(map[string]any{"name": "jira", "strategy": "oauth1", "options": opts})))
	e.plan.DryRun = true
	res, err := Run(context.Background(), e.plan)
	if err != nil {
		t.Fatal(err)
	}
	want := "-  cb(null, {user_id: 'dashboard-edit'});\n+  cb(null, {user_id: 'x'});\n"
	if !strings.Contains(res.ScriptDiff, want) {
		t.Errorf("script diff:\n%s\nwant it to contain\n%s", res.ScriptDiff, want)
	}
	if got := gitApplyCheck(t, tenantScript, res.ScriptDiff); got != script {
		t.Errorf("applying the diff to the deployed script gives %q", got)
	}
}
