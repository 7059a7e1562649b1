package connection

import (
	"fmt"
	"sort"
	"strings"
)

// Terraform returns b as an `auth0_connection` resource in the
// terraform-provider-auth0 attribute spellings for strategy oauth2
// (docs/auth0.md "Terraform"): options { client_id, client_secret,
// authorization_endpoint, token_endpoint, scopes, pkce_enabled,
// custom_headers, scripts }, the script via file(), the client secret as the
// sensitive variable TerraformClientSecretVar. The provider has no attribute
// for authParams (Atlassian Cloud's audience and prompt): those are returned
// as warnings, to be set otherwise (bridge publish, or the dashboard).
func (b *OAuth2Body) Terraform(c IaC) ([]byte, []string) {
	res := terraformName(b.Name)
	o := b.Options
	var w strings.Builder
	fmt.Fprintf(&w, "# The Auth0 connection %s for JIRA (OAuth 2.0), written by `bridge connection --format terraform`.\n", hclString(b.Name))
	fmt.Fprintf(&w, "# Set the client secret with TF_VAR_%s (a sensitive variable: it stays out of this file).\n\n", TerraformClientSecretVar)
	fmt.Fprintf(&w, "variable %s {\n  type        = string\n  sensitive   = true\n", hclString(TerraformClientSecretVar))
	w.WriteString("  description = \"The client secret of the JIRA OAuth 2.0 application.\"\n}\n\n")
	fmt.Fprintf(&w, "resource \"auth0_connection\" %s {\n", hclString(res))
	fmt.Fprintf(&w, "  name     = %s\n  strategy = %s\n\n  options {\n", hclString(b.Name), hclString(b.Strategy))
	fmt.Fprintf(&w, "    client_id              = %s\n", hclString(o.ClientID))
	fmt.Fprintf(&w, "    client_secret          = var.%s\n", TerraformClientSecretVar)
	fmt.Fprintf(&w, "    authorization_endpoint = %s\n", hclString(o.AuthorizationURL))
	fmt.Fprintf(&w, "    token_endpoint         = %s\n", hclString(o.TokenURL))
	w.WriteString("    scopes                 = [")
	for i, s := range strings.Fields(o.Scope) {
		if i > 0 {
			w.WriteString(", ")
		}
		w.WriteString(hclString(s))
	}
	w.WriteString("]\n")
	fmt.Fprintf(&w, "    pkce_enabled           = %t\n", o.PKCEEnabled)
	for _, k := range sortedKeys(o.CustomHeaders) {
		fmt.Fprintf(&w, "    custom_headers {\n      header = %s\n      value  = %s\n    }\n", hclString(k), hclString(o.CustomHeaders[k]))
	}
	w.WriteString("    scripts = {\n")
	fmt.Fprintf(&w, "      fetchUserProfile = file(\"${path.module}/%s\")\n", hclTemplateText(c.scriptFile()))
	w.WriteString("    }\n  }\n}\n")
	writeConnectionClients(&w, res, c.EnabledClients)
	var warnings []string
	for _, k := range sortedKeys(o.AuthParams) {
		warnings = append(warnings, fmt.Sprintf("terraform-provider-auth0 has no oauth2 attribute for authParams: set authParams.%s = %q on the connection otherwise (bridge publish does)", k, o.AuthParams[k]))
	}
	return []byte(w.String()), warnings
}

// TerraformClientSecretVar holds an oauth2 connection's client secret.
const TerraformClientSecretVar = "jira_client_secret"

func writeConnectionClients(w *strings.Builder, res string, clients []string) {
	if len(clients) == 0 {
		return
	}
	fmt.Fprintf(w, "\nresource \"auth0_connection_clients\" %s {\n", hclString(res))
	fmt.Fprintf(w, "  connection_id   = auth0_connection.%s.id\n  enabled_clients = [", res)
	for i, id := range clients {
		if i > 0 {
			w.WriteString(", ")
		}
		w.WriteString(hclString(id))
	}
	w.WriteString("]\n}\n")
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
