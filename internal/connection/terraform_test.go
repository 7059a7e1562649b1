package connection

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// parseTerraform parses src with HCL's native-syntax parser and evaluates
// the auth0_connection resource as Terraform would: var.jira_private_key is
// secret, path.module is dir, file() reads from disk. It returns the body the
// resource describes and the enabled clients.
func parseTerraform(t *testing.T, src []byte, dir, secret string) (*Body, []string) {
	t.Helper()
	f, diags := hclsyntax.ParseConfig(src, "main.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("terraform does not parse: %s\n%s", diags.Error(), src)
	}
	fileFn := function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			b, err := os.ReadFile(args[0].AsString())
			return cty.StringVal(string(b)), err
		},
	})
	ctx := &hcl.EvalContext{
		Variables: map[string]cty.Value{
			"var":  cty.ObjectVal(map[string]cty.Value{TerraformPrivateKeyVar: cty.StringVal(secret)}),
			"path": cty.ObjectVal(map[string]cty.Value{"module": cty.StringVal(dir)}),
			"auth0_connection": cty.ObjectVal(map[string]cty.Value{
				"jira": cty.ObjectVal(map[string]cty.Value{"id": cty.StringVal("con_test")}),
			}),
		},
		Functions: map[string]function.Function{"file": fileFn},
	}
	str := func(body *hclsyntax.Body, name string) string {
		a, ok := body.Attributes[name]
		if !ok {
			t.Fatalf("attribute %s missing", name)
		}
		v, diags := a.Expr.Value(ctx)
		if diags.HasErrors() {
			t.Fatalf("%s: %s", name, diags.Error())
		}
		return v.AsString()
	}
	var b *Body
	var clients []string
	sawVariable := false
	for _, blk := range f.Body.(*hclsyntax.Body).Blocks {
		switch {
		case blk.Type == "variable" && blk.Labels[0] == TerraformPrivateKeyVar:
			sawVariable = true
			v, _ := blk.Body.Attributes["sensitive"].Expr.Value(nil)
			if !v.True() {
				t.Error("the private key variable is not sensitive")
			}
		case blk.Type == "resource" && blk.Labels[0] == "auth0_connection":
			b = &Body{Name: str(blk.Body, "name"), Strategy: str(blk.Body, "strategy")}
			if len(blk.Body.Blocks) != 1 || blk.Body.Blocks[0].Type != "options" {
				t.Fatalf("want one options block, got %d blocks", len(blk.Body.Blocks))
			}
			ob := blk.Body.Blocks[0].Body
			if len(ob.Attributes) != 7 {
				t.Errorf("options has %d attributes, want 7", len(ob.Attributes))
			}
			scripts, diags := ob.Attributes["scripts"].Expr.Value(ctx)
			if diags.HasErrors() {
				t.Fatal(diags.Error())
			}
			b.Options = Options{
				ClientID:             str(ob, "consumer_key"),
				ClientSecret:         str(ob, "consumer_secret"),
				RequestTokenURL:      str(ob, "request_token_url"),
				AccessTokenURL:       str(ob, "access_token_url"),
				UserAuthorizationURL: str(ob, "user_authorization_url"),
				SignatureMethod:      str(ob, "signature_method"),
				Scripts:              Scripts{FetchUserProfile: scripts.GetAttr("fetchUserProfile").AsString()},
			}
		case blk.Type == "resource" && blk.Labels[0] == "auth0_connection_clients":
			if got := str(blk.Body, "connection_id"); got != "con_test" {
				t.Errorf("connection_id = %q", got)
			}
			v, diags := blk.Body.Attributes["enabled_clients"].Expr.Value(ctx)
			if diags.HasErrors() {
				t.Fatal(diags.Error())
			}
			for _, e := range v.AsValueSlice() {
				clients = append(clients, e.AsString())
			}
		default:
			t.Errorf("unexpected block %s %v", blk.Type, blk.Labels)
		}
	}
	if !sawVariable || b == nil {
		t.Fatalf("no variable or no auth0_connection in\n%s", src)
	}
	return b, clients
}

func TestTerraformRoundTrip(t *testing.T) {
	body, err := Build(goodParams(t))
	if err != nil {
		t.Fatal(err)
	}
	// Characters HCL treats specially must survive: a template sequence,
	// quotes, backslashes and a tab in the script.
	body.Options.Scripts.FetchUserProfile += "\n// ${not a template} %{nor this} \"q\" \\ \t end\n"
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, DefaultScriptFile), []byte(body.Options.Scripts.FetchUserProfile), 0o600); err != nil {
		t.Fatal(err)
	}
	src := body.Terraform(IaC{EnabledClients: []string{"abc123", "def456"}})
	if strings.Contains(string(src), "BEGIN") {
		t.Fatal("the terraform output holds the private key")
	}
	got, clients := parseTerraform(t, src, dir, body.Options.ClientSecret)
	if *got != *body {
		t.Errorf("round trip differs:\n got %+v\nwant %+v", got, body)
	}
	if strings.Join(clients, ",") != "abc123,def456" {
		t.Errorf("enabled clients = %v", clients)
	}

	// No clients: no auth0_connection_clients resource.
	src = body.Terraform(IaC{})
	if strings.Contains(string(src), "auth0_connection_clients") {
		t.Error("an auth0_connection_clients resource without clients")
	}
	if _, clients := parseTerraform(t, src, dir, "x"); clients != nil {
		t.Errorf("clients = %v", clients)
	}
}

func TestHCLStringEscapes(t *testing.T) {
	for _, s := range []string{"plain", `a"b\c`, "${x}", "%{if}", "$$", "line\nline\r\t\x01", "ünï"} {
		expr, diags := hclsyntax.ParseExpression([]byte(hclString(s)), "x", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatalf("%q -> %s: %s", s, hclString(s), diags.Error())
		}
		v, diags := expr.Value(nil)
		if diags.HasErrors() || v.AsString() != s {
			t.Errorf("%q -> %s -> %q %v", s, hclString(s), v.AsString(), diags)
		}
	}
	if got := terraformName("1-jira"); got != "c_1-jira" {
		t.Errorf("terraformName(1-jira) = %q", got)
	}
}
