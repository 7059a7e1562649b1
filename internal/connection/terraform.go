package connection

import (
	"fmt"
	"strings"
)

// TerraformPrivateKeyVar is the Terraform variable that holds the private key
// (options.consumer_secret): a secret, so the configuration names it and
// never holds it.
const TerraformPrivateKeyVar = "jira_private_key"

// IaC are the settings of an infrastructure-as-code rendering of a connection
// that the body itself does not carry.
type IaC struct {
	// ScriptFile is the file the rendered script is written to, relative to
	// the Terraform module or the deploy-cli directory; "" = DefaultScriptFile.
	ScriptFile string
	// EnabledClients are the client IDs (Terraform) or names (deploy-cli)
	// the connection is enabled for; none = no enabled clients block.
	EnabledClients []string
}

// DefaultScriptFile is where the rendered fetchUserProfile script goes.
const DefaultScriptFile = "fetchUserProfile.js"

func (c IaC) scriptFile() string {
	if c.ScriptFile == "" {
		return DefaultScriptFile
	}
	return c.ScriptFile
}

// Terraform returns b as an `auth0_connection` resource of the
// terraform-provider-auth0, in the provider's attribute spellings for strategy
// oauth1 (docs/auth0.md "Terraform"): options { consumer_key, consumer_secret,
// request_token_url, access_token_url, user_authorization_url,
// signature_method, scripts }. The script is read with file() from
// c.ScriptFile beside the module (the caller writes b's rendered script
// there), the private key is the sensitive variable TerraformPrivateKeyVar,
// and enabled clients, when given, are an `auth0_connection_clients`
// resource, the provider's resource for them.
func (b *Body) Terraform(c IaC) []byte {
	res := terraformName(b.Name)
	o := b.Options
	var w strings.Builder
	fmt.Fprintf(&w, "# The Auth0 connection %s for JIRA, written by `bridge connection --format terraform`.\n", hclString(b.Name))
	fmt.Fprintf(&w, "# Set the private key with TF_VAR_%s (a sensitive variable: it stays out of this file).\n\n", TerraformPrivateKeyVar)
	fmt.Fprintf(&w, "variable %s {\n", hclString(TerraformPrivateKeyVar))
	w.WriteString("  type        = string\n  sensitive   = true\n")
	w.WriteString("  description = \"The RSA private key (PEM) of JIRA's Application Link consumer.\"\n}\n\n")
	fmt.Fprintf(&w, "resource \"auth0_connection\" %s {\n", hclString(res))
	fmt.Fprintf(&w, "  name     = %s\n", hclString(b.Name))
	fmt.Fprintf(&w, "  strategy = %s\n\n", hclString(b.Strategy))
	w.WriteString("  options {\n")
	fmt.Fprintf(&w, "    consumer_key           = %s\n", hclString(o.ClientID))
	fmt.Fprintf(&w, "    consumer_secret        = var.%s\n", TerraformPrivateKeyVar)
	fmt.Fprintf(&w, "    request_token_url      = %s\n", hclString(o.RequestTokenURL))
	fmt.Fprintf(&w, "    access_token_url       = %s\n", hclString(o.AccessTokenURL))
	fmt.Fprintf(&w, "    user_authorization_url = %s\n", hclString(o.UserAuthorizationURL))
	fmt.Fprintf(&w, "    signature_method       = %s\n", hclString(o.SignatureMethod))
	w.WriteString("    scripts = {\n")
	fmt.Fprintf(&w, "      fetchUserProfile = file(\"${path.module}/%s\")\n", hclTemplateText(c.scriptFile()))
	w.WriteString("    }\n  }\n}\n")
	writeConnectionClients(&w, res, c.EnabledClients)
	return []byte(w.String())
}

// terraformName turns a connection name (letters, digits, hyphens) into a
// resource name: HCL identifiers may hold hyphens but not start with a digit
// (https://developer.hashicorp.com/terraform/language/syntax/configuration#identifiers).
func terraformName(name string) string {
	var b strings.Builder
	for _, r := range name {
		if r == '-' || r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		} else {
			b.WriteRune('_')
		}
	}
	s := b.String()
	if s == "" || (s[0] >= '0' && s[0] <= '9') || s[0] == '-' {
		s = "c_" + s
	}
	return s
}

// hclString is s as an HCL quoted template: backslash escapes for \ " and
// control characters, and the template sequences ${ and %{ doubled so they
// stay literal (https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md,
// "Template Literals").
func hclString(s string) string { return `"` + hclTemplateText(s) + `"` }

func hclTemplateText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\':
			b.WriteString(`\\`)
		case c == '"':
			b.WriteString(`\"`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20 || c == 0x7f:
			fmt.Fprintf(&b, `\u%04x`, c)
		case (c == '$' || c == '%') && i+1 < len(s) && s[i+1] == '{':
			b.WriteByte(c)
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
