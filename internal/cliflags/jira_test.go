package cliflags

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/jira"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
)

func TestJIRAAddFlagsRequiredOrNot(t *testing.T) {
	for _, required := range []bool{true, false} {
		var f JIRA
		fs := pflag.NewFlagSet("x", pflag.ContinueOnError)
		f.AddFlags(fs, required)
		require.NoError(t, fs.Parse([]string{"--jira-url", "https://j.example.com", "--consumer-key", "k", "--private-key", "p.key"}))
		assert.Equal(t, JIRA{URL: "https://j.example.com", ConsumerKey: "k", PrivateKey: "p.key"}, f)
		assert.Equal(t, required, strings.Contains(fs.Lookup("jira-url").Usage, "env BRIDGE_JIRA_URL"))
		assert.Equal(t, required, strings.Contains(fs.Lookup("consumer-key").Usage, "env BRIDGE_CONSUMER_KEY"))
		assert.Equal(t, required, strings.Contains(fs.Lookup("private-key").Usage, "env BRIDGE_PRIVATE_KEY"))
	}
}

func TestJIRAMissingNamesTheFlags(t *testing.T) {
	assert.Equal(t, []string{"--jira-url", "--consumer-key", "--private-key"}, (&JIRA{}).Missing())
	assert.Equal(t, []string{"--consumer-key"}, (&JIRA{URL: "u", PrivateKey: "p"}).Missing())
	assert.Empty(t, (&JIRA{URL: "u", ConsumerKey: "k", PrivateKey: "p"}).Missing())
}

func TestURLErrNamesTheFlagAndTheFix(t *testing.T) {
	_, err := jira.NormalizeBaseURL("jira.example.com")
	require.Error(t, err)
	got := URLErr(err)
	assert.Equal(t, exit.Usage, exit.Code(got))
	var ue *jira.URLError
	require.ErrorAs(t, err, &ue)
	assert.Equal(t, "--jira-url: "+ue.Detail+"; "+ue.Fix, got.Error())

	other := errors.New("boom")
	assert.Equal(t, "--jira-url: boom", URLErr(other).Error())
	assert.ErrorIs(t, URLErr(other), other)
}

func TestResolveFlagsWinOverTheEnvironment(t *testing.T) {
	env := map[string]string{"BRIDGE_JIRA_URL": "https://env.example.com", "BRIDGE_CONSUMER_KEY": "env-key", "BRIDGE_PRIVATE_KEY": "PEM"}
	f := JIRA{ConsumerKey: "flag-key"}
	require.NoError(t, f.Resolve(func(k string) string { return env[k] }, strings.NewReader("")))
	assert.Equal(t, JIRA{URL: "https://env.example.com", ConsumerKey: "flag-key", PrivateKey: "$BRIDGE_PRIVATE_KEY", KeyPEM: []byte("PEM")}, f)

	f = JIRA{PrivateKey: "-"}
	require.NoError(t, f.Resolve(func(string) string { return "" }, strings.NewReader("STDIN PEM")))
	assert.Equal(t, []byte("STDIN PEM"), f.KeyPEM)
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("stdin closed") }

func TestResolveUnreadableStdinIsBadUsageNamingTheFlag(t *testing.T) {
	f := JIRA{PrivateKey: "-"}
	err := f.Resolve(func(string) string { return "" }, failingReader{})
	require.Error(t, err)
	assert.Equal(t, exit.Usage, exit.Code(err))
	assert.True(t, strings.HasPrefix(err.Error(), "--private-key -: "), err.Error())
	assert.Contains(t, err.Error(), "stdin closed")
	assert.Contains(t, err.Error(), "--private-key - < jira.key")
}

func TestLoadKeyFromPEMOrFile(t *testing.T) {
	key, err := keys.Generate(2048)
	require.NoError(t, err)
	pemBytes := keys.EncodePKCS8(key)

	f := JIRA{PrivateKey: "$BRIDGE_PRIVATE_KEY", KeyPEM: pemBytes}
	got, _, err := f.LoadKey()
	require.NoError(t, err)
	assert.True(t, got.Equal(key))

	path := filepath.Join(t.TempDir(), "jira.key")
	require.NoError(t, os.WriteFile(path, pemBytes, 0o600))
	got, _, err = (&JIRA{PrivateKey: path}).LoadKey()
	require.NoError(t, err)
	assert.True(t, got.Equal(key))

	_, _, err = (&JIRA{PrivateKey: "$BRIDGE_PRIVATE_KEY", KeyPEM: []byte("not a key")}).LoadKey()
	assert.Error(t, err)
}
