package cliflags

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/spf13/pflag"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jira-auth0-bridge/bridge/internal/exit"
)

func TestCheckProtocol(t *testing.T) {
	assert.NoError(t, CheckProtocol("oauth1", false))
	assert.NoError(t, CheckProtocol("oauth2", false))
	assert.NoError(t, CheckProtocol("", true))
	for _, p := range []string{"", "oauth3"} {
		err := CheckProtocol(p, false)
		require.Error(t, err)
		assert.Equal(t, exit.Usage, exit.Code(err))
		assert.Equal(t, `--protocol "`+p+`": use oauth1 or oauth2`, err.Error())
	}
}

func TestProtocolAndClientFlags(t *testing.T) {
	var p, id, secret string
	fs := pflag.NewFlagSet("x", pflag.ContinueOnError)
	AddProtocolFlag(fs, &p, "oauth1", "why")
	AddJIRAClientFlags(fs, &id, &secret, "the app")
	require.NoError(t, fs.Parse([]string{"--jira-client-id", "i", "--jira-client-secret", "s"}))
	assert.Equal(t, []string{"oauth1", "i", "s"}, []string{p, id, secret})
	assert.Equal(t, "oauth1 or oauth2: why", fs.Lookup("protocol").Usage)
	assert.Equal(t, "client secret of the app", fs.Lookup("jira-client-secret").Usage)
}

func TestCheckOutputFile(t *testing.T) {
	dir := t.TempDir()
	assert.NoError(t, CheckOutputFile("--junit", "", "report.xml"))
	assert.NoError(t, CheckOutputFile("--junit", filepath.Join(dir, "r.xml"), "report.xml"))

	missing := filepath.Join(dir, "nope", "r.xml")
	err := CheckOutputFile("--junit", missing, "report.xml")
	require.Error(t, err)
	assert.Equal(t, exit.Usage, exit.Code(err))
	assert.Equal(t, "--junit "+missing+": the directory "+filepath.Dir(missing)+" does not exist; create it or pick another path", err.Error())

	require.NoError(t, os.Mkdir(filepath.Join(dir, "d"), 0o700))
	err = CheckOutputFile("--save-token", filepath.Join(dir, "d"), "jira-token.json")
	require.Error(t, err)
	assert.Equal(t, "--save-token "+filepath.Join(dir, "d")+" is a directory; give a file name, e.g. "+filepath.Join(dir, "d", "jira-token.json"), err.Error())
}
