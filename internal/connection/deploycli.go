package connection

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"go.yaml.in/yaml/v3"
)

// DeployCLIPrivateKeyKeyword is the auth0-deploy-cli keyword that stands for
// the private key (options.client_secret): "@@JIRA_PRIVATE_KEY@@", quoted,
// which deploy-cli replaces with the JSON string of the value of
// JIRA_PRIVATE_KEY in AUTH0_KEYWORD_REPLACE_MAPPINGS, so the PEM's newlines
// survive in YAML and JSON alike (docs/auth0.md "auth0-deploy-cli").
const DeployCLIPrivateKeyKeyword = "JIRA_PRIVATE_KEY"

// deployCLIConnection is one entry of deploy-cli's connections: the
// Management API payload (docs/auth0.md "auth0-deploy-cli"), enabled clients
// by application name.
type deployCLIConnection struct {
	Name           string   `json:"name" yaml:"name"`
	Strategy       string   `json:"strategy" yaml:"strategy"`
	EnabledClients []string `json:"enabled_clients,omitempty" yaml:"enabled_clients,omitempty"`
	Options        Options  `json:"options" yaml:"options"`
}

func (b *Body) deployCLI(c IaC) deployCLIConnection {
	d := deployCLIConnection{Name: b.Name, Strategy: b.Strategy, EnabledClients: c.EnabledClients, Options: b.Options}
	d.Options.ClientSecret = "@@" + DeployCLIPrivateKeyKeyword + "@@"
	return d
}

// DeployCLIYAML returns b as a fragment of auth0-deploy-cli's tenant.yaml: a
// top-level `connections:` list with this one connection, in the Management
// API spellings (client_id, requestTokenURL, …), the script inline as a
// literal block, the private key as the keyword "@@JIRA_PRIVATE_KEY@@" and
// the enabled clients (application names) from c.
func (b *Body) DeployCLIYAML(c IaC) []byte {
	return deployCLIYAML(marshal(b.deployCLI(c), ""), DeployCLIPrivateKeyKeyword)
}

// deployCLIYAML renders a connection payload (JSON, in field order) as a
// tenant.yaml fragment. JSON is YAML, so decoding it into a yaml.Node keeps
// the key order; keyword is the secret's keyword.
func deployCLIYAML(payload []byte, keyword string) []byte {
	var doc yaml.Node
	if err := yaml.Unmarshal(payload, &doc); err != nil || len(doc.Content) != 1 {
		panic(fmt.Sprintf("connection: deploy-cli YAML: %v", err)) // our own JSON
	}
	conn := doc.Content[0]
	styleScalars(conn, keyword)
	root := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
		{Kind: yaml.ScalarNode, Value: "connections"},
		{Kind: yaml.SequenceNode, Content: []*yaml.Node{conn}},
	}}
	var buf bytes.Buffer
	buf.WriteString("# The Auth0 connection for JIRA, written by `bridge connection --format deploy-cli`.\n")
	buf.WriteString("# Map " + keyword + " to the secret in AUTH0_KEYWORD_REPLACE_MAPPINGS.\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		panic("connection: deploy-cli YAML: " + err.Error())
	}
	return buf.Bytes()
}

// styleScalars double-quotes the keyword (deploy-cli matches "@@KEY@@" with
// its quotes and replaces it with a JSON string, valid YAML) and writes
// multi-line strings (the script) as literal blocks.
func styleScalars(n *yaml.Node, keyword string) {
	for _, c := range n.Content {
		styleScalars(c, keyword)
	}
	n.Style = 0 // as decoded from JSON: flow and quoted styles go
	if n.Kind != yaml.ScalarNode {
		return
	}
	switch {
	case n.Value == "@@"+keyword+"@@":
		n.Style = yaml.DoubleQuotedStyle
	case bytes.ContainsRune([]byte(n.Value), '\n'):
		n.Style = yaml.LiteralStyle
	}
}

// WriteDeployCLIDir writes b in auth0-deploy-cli's directory format under
// dir: connections/NAME.json, the Management API payload with the script
// inline (deploy-cli's directory handler keeps a connection's options in
// its JSON file and moves only an email connection's body to a separate
// file, docs/auth0.md "auth0-deploy-cli"). It returns the files written.
func (b *Body) WriteDeployCLIDir(dir string, c IaC) ([]string, error) {
	return writeDeployCLIDir(dir, b.Name, marshal(b.deployCLI(c), "  "))
}

func writeDeployCLIDir(dir, name string, payload []byte) ([]string, error) {
	cdir := filepath.Join(dir, "connections")
	if err := os.MkdirAll(cdir, 0o755); err != nil {
		return nil, fmt.Errorf("deploy-cli directory: %w; check that --out %s is a writable directory", err, dir)
	}
	path := filepath.Join(cdir, name+".json")
	if err := os.WriteFile(path, append(payload, '\n'), 0o644); err != nil {
		return nil, fmt.Errorf("deploy-cli directory: %w; check that --out %s is writable", err, dir)
	}
	return []string{path}, nil
}

// DeployCLIClientSecretKeyword stands for an oauth2 connection's client
// secret, as DeployCLIPrivateKeyKeyword for oauth1's private key.
const DeployCLIClientSecretKeyword = "JIRA_CLIENT_SECRET"

// deployCLIOAuth2 is an oauth2 connection as deploy-cli stores it.
type deployCLIOAuth2 struct {
	Name           string        `json:"name"`
	Strategy       string        `json:"strategy"`
	EnabledClients []string      `json:"enabled_clients,omitempty"`
	Options        OAuth2Options `json:"options"`
}

func (b *OAuth2Body) deployCLI(c IaC) deployCLIOAuth2 {
	d := deployCLIOAuth2{Name: b.Name, Strategy: b.Strategy, EnabledClients: c.EnabledClients, Options: b.Options}
	d.Options.ClientSecret = "@@" + DeployCLIClientSecretKeyword + "@@"
	return d
}

// DeployCLIYAML is Body.DeployCLIYAML for an oauth2 connection; the client
// secret is the keyword "@@JIRA_CLIENT_SECRET@@".
func (b *OAuth2Body) DeployCLIYAML(c IaC) []byte {
	return deployCLIYAML(marshal(b.deployCLI(c), ""), DeployCLIClientSecretKeyword)
}

// WriteDeployCLIDir is Body.WriteDeployCLIDir for an oauth2 connection.
func (b *OAuth2Body) WriteDeployCLIDir(dir string, c IaC) ([]string, error) {
	return writeDeployCLIDir(dir, b.Name, marshal(b.deployCLI(c), "  "))
}
