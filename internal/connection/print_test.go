package connection

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jira-auth0-bridge/bridge/internal/redact"
)

func TestPrinted(t *testing.T) {
	p := goodParams(t)
	b, err := Build(p)
	require.NoError(t, err)
	secretLine := strings.Split(strings.TrimSpace(b.Options.ClientSecret), "\n")[1]

	out := string(Printed(b, FormatJSON, "", false))
	assert.Equal(t, string(b.Redacted().Indent()), out)
	assert.NotContains(t, out, secretLine)
	assert.Contains(t, out, redact.Mask)

	assert.Equal(t, string(b.Indent()), string(Printed(b, FormatJSON, "", true)), "--show-secrets prints the body as it is")

	har := string(Printed(b, FormatHAR, "https://example.eu.auth0.com", false))
	assert.Contains(t, har, "https://example.eu.auth0.com/api/v2/connections")
	assert.NotContains(t, har, secretLine)
	assert.Contains(t, string(Printed(b, FormatHAR, "", true)), secretLine)
}
