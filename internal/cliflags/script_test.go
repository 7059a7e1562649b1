package cliflags

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/scriptsrc"
)

func TestCheckMockScriptRefusesALiteralURL(t *testing.T) {
	assert.NoError(t, CheckMockScript(scriptsrc.Shipped()))

	src := scriptsrc.Source{Name: "deployed.js", Text: "function (t, s, ctx, cb) {\n  var u = 'https://jira.example.com';\n  cb(null, {});\n}"}
	err := CheckMockScript(src)
	require.Error(t, err)
	assert.Equal(t, exit.Usage, exit.Code(err))
	assert.True(t, strings.HasPrefix(err.Error(), "--script deployed.js:2"), err.Error())
	var le *scriptsrc.LiteralURLError
	assert.False(t, errors.As(err, &le), "the message is kept, the type is the CLI's usage error")
}

func TestNeedsCasesNamesBothFlags(t *testing.T) {
	err := NeedsCases("mine.js")
	assert.Equal(t, exit.Usage, exit.Code(err))
	assert.True(t, strings.HasPrefix(err.Error(), "--script mine.js needs --cases DIR: "), err.Error())
}
