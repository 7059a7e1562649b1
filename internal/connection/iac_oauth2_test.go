package connection

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"go.yaml.in/yaml/v3"
)

func TestOAuth2TerraformRoundTrip(t *testing.T) {
	for _, f := range []Flavor{FlavorServer, FlavorCloud} {
		p := goodOAuth2(f)
		body, err := BuildOAuth2(p)
		if err != nil {
			t.Fatal(err)
		}
		body.Options.CustomHeaders = map[string]string{"X-Proxy": "a,b"}
		dir := t.TempDir()
		_ = os.WriteFile(filepath.Join(dir, DefaultScriptFile), []byte(body.Options.Scripts.FetchUserProfile), 0o600)
		src, warnings := body.Terraform(IaC{EnabledClients: []string{"app1"}})
		if strings.Contains(string(src), o2Secret) {
			t.Fatal("the terraform output holds the client secret")
		}
		if (f == FlavorCloud) != (len(warnings) == 2) {
			t.Errorf("%s: warnings %q", f, warnings)
		}
		file, diags := hclsyntax.ParseConfig(src, "main.tf", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatalf("%s\n%s", diags.Error(), src)
		}
		ctx := &hcl.EvalContext{
			Variables: map[string]cty.Value{
				"var":  cty.ObjectVal(map[string]cty.Value{TerraformClientSecretVar: cty.StringVal(o2Secret)}),
				"path": cty.ObjectVal(map[string]cty.Value{"module": cty.StringVal(dir)}),
			},
			Functions: map[string]function.Function{"file": function.New(&function.Spec{
				Params: []function.Parameter{{Name: "p", Type: cty.String}}, Type: function.StaticReturnType(cty.String),
				Impl: func(a []cty.Value, _ cty.Type) (cty.Value, error) {
					b, err := os.ReadFile(a[0].AsString())
					return cty.StringVal(string(b)), err
				}})},
		}
		var ob *hclsyntax.Body
		for _, blk := range file.Body.(*hclsyntax.Body).Blocks {
			if blk.Type == "resource" && blk.Labels[0] == "auth0_connection" {
				ob = blk.Body.Blocks[0].Body
			}
		}
		val := func(name string) cty.Value {
			v, diags := ob.Attributes[name].Expr.Value(ctx)
			if diags.HasErrors() {
				t.Fatal(diags.Error())
			}
			return v
		}
		var scopes []string
		for _, s := range val("scopes").AsValueSlice() {
			scopes = append(scopes, s.AsString())
		}
		got := OAuth2Options{
			ClientID: val("client_id").AsString(), ClientSecret: val("client_secret").AsString(),
			AuthorizationURL: val("authorization_endpoint").AsString(), TokenURL: val("token_endpoint").AsString(),
			Scope: strings.Join(scopes, " "), PKCEEnabled: val("pkce_enabled").True(),
			Scripts: Scripts{FetchUserProfile: val("scripts").GetAttr("fetchUserProfile").AsString()},
		}
		want := body.Options
		if got.ClientID != want.ClientID || got.ClientSecret != want.ClientSecret || got.AuthorizationURL != want.AuthorizationURL ||
			got.TokenURL != want.TokenURL || got.Scope != want.Scope || got.PKCEEnabled != want.PKCEEnabled || got.Scripts != want.Scripts {
			t.Errorf("%s: round trip\n got %+v\nwant %+v", f, got, want)
		}
		if len(ob.Blocks) != 1 || ob.Blocks[0].Type != "custom_headers" {
			t.Fatalf("custom_headers blocks: %d", len(ob.Blocks))
		}
		h, _ := ob.Blocks[0].Body.Attributes["header"].Expr.Value(nil)
		v, _ := ob.Blocks[0].Body.Attributes["value"].Expr.Value(nil)
		if h.AsString() != "X-Proxy" || v.AsString() != "a,b" {
			t.Errorf("custom header %s: %s", h.AsString(), v.AsString())
		}
	}
}

func TestOAuth2DeployCLIRoundTrip(t *testing.T) {
	body, err := BuildOAuth2(goodOAuth2(FlavorCloud))
	if err != nil {
		t.Fatal(err)
	}
	src := body.DeployCLIYAML(IaC{EnabledClients: []string{"My App"}})
	if strings.Contains(string(src), o2Secret) {
		t.Fatal("the YAML holds the client secret")
	}
	var doc struct {
		Connections []struct {
			Name           string         `yaml:"name"`
			Strategy       string         `yaml:"strategy"`
			EnabledClients []string       `yaml:"enabled_clients"`
			Options        map[string]any `yaml:"options"`
		} `yaml:"connections"`
	}
	if err := yaml.Unmarshal(deployCLIReplace(src, DeployCLIClientSecretKeyword, o2Secret), &doc); err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	c := doc.Connections[0]
	gotJSON, _ := json.Marshal(c.Options)
	wantJSON, _ := json.Marshal(body.Options.Map())
	if c.Name != body.Name || c.Strategy != "oauth2" || c.EnabledClients[0] != "My App" || string(gotJSON) != string(wantJSON) {
		t.Errorf("round trip:\n got %s %s %v %s\nwant %s", c.Name, c.Strategy, c.EnabledClients, gotJSON, wantJSON)
	}
	dir := t.TempDir()
	files, err := body.WriteDeployCLIDir(dir, IaC{})
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(files[0])
	var got OAuth2Body
	if err := json.Unmarshal(deployCLIReplace(data, DeployCLIClientSecretKeyword, o2Secret), &got); err != nil {
		t.Fatal(err)
	}
	if string(got.JSON()) != string(body.JSON()) {
		t.Errorf("directory round trip:\n got %s\nwant %s", got.JSON(), body.JSON())
	}
}
