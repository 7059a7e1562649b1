package connection

import (
	"os"
	"path/filepath"
	"testing"
)

// readKey reads a throwaway key of internal/keys/testdata.
func readKey(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "keys", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// goodParams are valid settings with a throwaway key.
func goodParams(t testing.TB) Params {
	return Params{
		JIRAURL:          "https://jira.example.com",
		ConsumerKey:      "auth0-jira",
		PrivateKeyPEM:    readKey(t, "pkcs8.key"),
		PrivateKeySource: "pkcs8.key",
	}
}
