package live

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTokenFileRoundTrip(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "token.json")
	require.NoError(t, os.WriteFile(path, []byte("old, world-readable"), 0o644))

	tf := TokenFile{JIRAURL: "https://jira.example.com", ConsumerKey: "auth0-jira", Token: "tok", TokenSecret: "sec"}
	require.NoError(t, WriteTokenFile(path, tf))

	info, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.JSONEq(t, `{"jira_url":"https://jira.example.com","consumer_key":"auth0-jira","token":"tok","token_secret":"sec"}`, string(data))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file left behind")

	got, err := ReadTokenFile(path)
	require.NoError(t, err)
	assert.Equal(t, tf, got)
}

func TestWriteTokenFileNoDirectory(t *testing.T) {
	err := WriteTokenFile(filepath.Join(t.TempDir(), "missing", "token.json"), TokenFile{Token: "t"})
	require.ErrorIs(t, err, fs.ErrNotExist)
	assert.Contains(t, err.Error(), "directory exists")
}

func TestReadTokenFileErrors(t *testing.T) {
	dir := t.TempDir()
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	cases := []struct {
		name, content, want string
		kind                any // a pointer to the error type in the chain; nil: none
	}{
		{"not JSON", "{", ":1:2: not valid JSON", &syntax},
		{"bad key on line 3", "{\"jira_url\":\n \"x\",\n oops}\n", ":3:2: not valid JSON", &syntax},
		{"wrong type", "{\n  \"token\": 1\n}", ":2:13: not valid JSON", &typ},
		{"missing token", `{"jira_url":"u","consumer_key":"k","token_secret":"s"}`, ` has no "token"`, nil},
		{"missing all", `{}`, ` has no "jira_url"`, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, c.name)
			require.NoError(t, os.WriteFile(path, []byte(c.content), 0o600))
			_, err := ReadTokenFile(path)
			require.Error(t, err)
			assert.Contains(t, err.Error(), path+c.want)
			if c.kind != nil {
				assert.ErrorAs(t, err, c.kind)
			}
		})
	}
}
