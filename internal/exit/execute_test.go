package exit

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

func testRoot() *cobra.Command {
	root := &cobra.Command{Use: "bridge", SilenceUsage: true, SilenceErrors: true}
	newCmd := func(use string, run func(cmd *cobra.Command) error) *cobra.Command {
		c := &cobra.Command{Use: use, RunE: func(cmd *cobra.Command, _ []string) error { return run(cmd) }}
		c.Flags().Bool("json", false, "")
		return c
	}
	root.AddCommand(
		newCmd("ok", func(cmd *cobra.Command) error { cmd.Println("result"); return nil }),
		newCmd("bad", func(*cobra.Command) error { return Usagef("--x: bad") }),
		newCmd("said", func(cmd *cobra.Command) error { cmd.Println("{}"); return Failed(nil) }),
		newCmd("remote", func(*cobra.Command) error { return RemoteFailed(errors.New("auth0: 503")) }),
		newCmd("boom", func(*cobra.Command) error { panic("deliberate") }),
	)
	return root
}

// TestExecute: each way a command ends, its code, its stderr and its stdout.
func TestExecute(t *testing.T) {
	tests := []struct {
		args           []string
		code           int
		stdout, stderr string // stdout "" means empty, "doc:KIND" a Doc of that kind
	}{
		{[]string{"ok"}, OK, "result\n", ""},
		{[]string{"bad"}, Usage, "", "bridge: --x: bad\n"},
		{[]string{"bad", "--json"}, Usage, "doc:usage", "bridge: --x: bad\n"},
		{[]string{"said", "--json"}, CheckFailed, "{}\n", ""},
		{[]string{"remote", "--json"}, Remote, "doc:remote", "bridge: auth0: 503\n"},
		{[]string{"ok", "--nope", "--json"}, Usage, "doc:usage", "bridge: unknown flag: --nope\n"},
		{[]string{"boom", "--json"}, Internal, "doc:internal", "bridge: internal error (a bug in bridge, not in your input; please report it with what follows): panic: deliberate\n"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := Execute(testRoot, tt.args, strings.NewReader(""), &stdout, &stderr); code != tt.code {
				t.Errorf("code %d; want %d", code, tt.code)
			}
			got := stderr.String()
			if tt.code == Internal { // the stack follows
				got = got[:min(len(got), len(tt.stderr))]
			}
			if got != tt.stderr {
				t.Errorf("stderr %q; want %q", stderr.String(), tt.stderr)
			}
			if kind, ok := strings.CutPrefix(tt.stdout, "doc:"); ok {
				var doc Doc
				if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil || doc.Error.Kind != kind || doc.Error.ExitCode != tt.code {
					t.Errorf("stdout %q (%v); want a %s Doc", stdout.String(), err, kind)
				}
			} else if stdout.String() != tt.stdout {
				t.Errorf("stdout %q; want %q", stdout.String(), tt.stdout)
			}
		})
	}
}
