package connection

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// deployCLIReplace does what auth0-deploy-cli's keywordReplace does with
// "@@KEY@@" (quoted or not): replace it with JSON.stringify(value)
// (docs/auth0.md "auth0-deploy-cli").
func deployCLIReplace(src []byte, key, value string) []byte {
	js, _ := json.Marshal(value)
	re := regexp.MustCompile(`"@@` + key + `@@"|@@` + key + `@@`)
	return re.ReplaceAllLiteral(src, js)
}

func TestDeployCLIYAMLRoundTrip(t *testing.T) {
	body, err := Build(goodParams(t))
	if err != nil {
		t.Fatal(err)
	}
	body.Options.Scripts.FetchUserProfile += "\n  // trailing: spaces, # not a comment, \"q\" '\n"
	src := body.DeployCLIYAML(IaC{EnabledClients: []string{"My App", "Other"}})
	if strings.Contains(string(src), "BEGIN") {
		t.Fatal("the deploy-cli YAML holds the private key")
	}
	var doc struct {
		Connections []struct {
			Name           string   `yaml:"name"`
			Strategy       string   `yaml:"strategy"`
			EnabledClients []string `yaml:"enabled_clients"`
			Options        map[string]any
		} `yaml:"connections"`
	}
	replaced := deployCLIReplace(src, DeployCLIPrivateKeyKeyword, body.Options.ClientSecret)
	if err := yaml.Unmarshal(replaced, &doc); err != nil {
		t.Fatalf("YAML does not parse after keyword replacement: %v\n%s", err, replaced)
	}
	if len(doc.Connections) != 1 {
		t.Fatalf("connections = %d, want 1", len(doc.Connections))
	}
	c := doc.Connections[0]
	if c.Name != body.Name || c.Strategy != body.Strategy || strings.Join(c.EnabledClients, "|") != "My App|Other" {
		t.Errorf("name/strategy/clients = %q %q %v", c.Name, c.Strategy, c.EnabledClients)
	}
	want := body.Options.Map()
	gotJSON, _ := json.Marshal(c.Options)
	wantJSON, _ := json.Marshal(want)
	if string(gotJSON) != string(wantJSON) {
		t.Errorf("options round trip differs:\n got %s\nwant %s", gotJSON, wantJSON)
	}
	// Before replacement the file is valid YAML too, with the keyword.
	var raw map[string]any
	if err := yaml.Unmarshal(src, &raw); err != nil {
		t.Fatalf("YAML with the keyword does not parse: %v", err)
	}
	if !strings.Contains(string(src), `client_secret: "@@JIRA_PRIVATE_KEY@@"`) {
		t.Errorf("the keyword is not double-quoted:\n%s", src)
	}
	if !strings.Contains(string(src), "fetchUserProfile: |") {
		t.Errorf("the script is not a literal block:\n%s", src)
	}
}

func TestDeployCLIDirRoundTrip(t *testing.T) {
	body, err := Build(goodParams(t))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files, err := body.WriteDeployCLIDir(dir, IaC{})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || files[0] != filepath.Join(dir, "connections", "jira.json") {
		t.Fatalf("files = %v", files)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	var got Body
	var extra map[string]any
	replaced := deployCLIReplace(data, DeployCLIPrivateKeyKeyword, body.Options.ClientSecret)
	if err := json.Unmarshal(replaced, &got); err != nil {
		t.Fatalf("%v\n%s", err, replaced)
	}
	_ = json.Unmarshal(data, &extra)
	if _, ok := extra["enabled_clients"]; ok {
		t.Error("enabled_clients written without clients")
	}
	if got != *body {
		t.Errorf("round trip differs:\n got %+v\nwant %+v", got, *body)
	}
}
