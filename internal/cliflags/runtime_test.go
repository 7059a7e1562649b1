package cliflags

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

func TestRuntimeAddFlagsDefaults(t *testing.T) {
	var f Runtime
	fs := pflag.NewFlagSet("x", pflag.ContinueOnError)
	f.AddFlags(fs)
	require.NoError(t, fs.Parse(nil))
	assert.Equal(t, Runtime{Timeout: script.DefaultTimeout, MaxMemory: "256MiB", Runtime: script.RuntimeNode22}, f)
	n, err := f.Limits()
	require.NoError(t, err)
	assert.Equal(t, int64(256<<20), n)
}

func TestLimitsRefusals(t *testing.T) {
	for _, tc := range []struct {
		f    Runtime
		want string
	}{
		{Runtime{Runtime: "node16", Timeout: time.Second}, `--runtime "node16": use ` + strings.Join(script.Runtimes, " or ")},
		{Runtime{Timeout: 0}, "--timeout 0s: give a positive duration such as 20s"},
		{Runtime{Timeout: time.Second, MaxMemory: "8MiB"}, "--max-memory 8MiB is below the minimum of 16MiB"},
		{Runtime{Timeout: time.Second, MaxMemory: "lots"}, "--max-memory: "},
	} {
		_, err := tc.f.Limits()
		require.Error(t, err, "%+v", tc.f)
		assert.Equal(t, exit.Usage, exit.Code(err))
		assert.True(t, strings.HasPrefix(err.Error(), tc.want), "%q does not start with %q", err, tc.want)
	}
	n, err := (&Runtime{Timeout: time.Second}).Limits()
	require.NoError(t, err)
	assert.Zero(t, n, `"" is the runtime's default`)
}

func TestCheckRuntimeAcceptsWhatScriptModels(t *testing.T) {
	for _, rt := range append([]string{script.RuntimeDefault}, script.Runtimes...) {
		assert.NoError(t, CheckRuntime(rt), rt)
	}
}

func TestLoadForNamesTheScriptFlag(t *testing.T) {
	_, err := (&Runtime{Script: filepath.Join(t.TempDir(), "missing.js")}).Load()
	require.Error(t, err)
	assert.Equal(t, exit.Usage, exit.Code(err))
	assert.True(t, strings.HasPrefix(err.Error(), "--script: "), err.Error())
	assert.Contains(t, err.Error(), "`bridge init` writes one")

	path := filepath.Join(t.TempDir(), "s.js")
	require.NoError(t, os.WriteFile(path, []byte("function(t, s, ctx, cb) { cb(null, {}); }"), 0o600))
	_, err = (&Runtime{Script: path}).LoadFor("oauth2", "")
	assert.NoError(t, err)
}
