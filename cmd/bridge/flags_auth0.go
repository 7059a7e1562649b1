package main

import (
	"io"

	"github.com/jira-auth0-bridge/bridge/internal/auth0"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/prefix"
	"github.com/jira-auth0-bridge/bridge/internal/redact"
)

// client resolves the tenant and the credentials (auth0) and makes the
// Management API client, its log on stderr, redacted by the returned
// Redactor, as every line bridge writes ("bridge: auth0: GET …").
func (f *publishFlags) client(stderr io.Writer) (auth0.Tenant, *auth0.Client, *redact.Redactor, error) {
	tenant, creds, err := f.auth0(stderr)
	if err != nil {
		return tenant, nil, nil, err
	}
	red := redact.New(creds.Secrets()...)
	client, err := auth0.New(tenant, creds, nil)
	if err != nil {
		return tenant, nil, red, exit.Usagef("%v", err)
	}
	client.Log = prefix.Writer(red.Writer(stderr), "bridge: ")
	return tenant, client, red, nil
}
