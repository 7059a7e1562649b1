package publish

import (
	"context"
	"encoding/json"
	"io"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/auth0"
	"github.com/jira-auth0-bridge/bridge/internal/connection"
	"github.com/jira-auth0-bridge/bridge/internal/redact"
)

// Tenant is the part of the Management API that publishing uses;
// *auth0.Client is one.
type Tenant interface {
	ListConnectionsByName(ctx context.Context, name string) ([]auth0.Connection, error)
	GetConnection(ctx context.Context, id string) (*auth0.Connection, error)
	CreateConnection(ctx context.Context, body json.RawMessage) (*auth0.Connection, error)
	UpdateConnection(ctx context.Context, id string, u auth0.ConnectionUpdate) (*auth0.Connection, error)
	GetEnabledClients(ctx context.Context, id string) ([]string, error)
	SetEnabledClients(ctx context.Context, id string, items []auth0.EnabledClient) error

	DescribeCreate(body json.RawMessage) (auth0.Request, error)
	DescribeUpdate(id string, u auth0.ConnectionUpdate) (auth0.Request, error)
	DescribeSetEnabledClients(id string, items []auth0.EnabledClient) ([]auth0.Request, error)
}

// Plan is one publish.
type Plan struct {
	// Body is the complete connection, {"name","strategy","options"}: the
	// exact POST /api/v2/connections body (connection.Body.JSON()).
	Body json.RawMessage
	// Name, when set, must be Body's name.
	Name string
	// EnabledClients are client IDs to enable the connection for; none = leave
	// the enabled clients alone.
	EnabledClients []string
	// DryRun verifies and reads, and returns what it would send; it writes
	// nothing.
	DryRun bool
	// BackupDir receives the backup of a connection before it is updated;
	// "" = DefaultBackupDir.
	BackupDir string
	// Verify runs the test suite on exactly what Body publishes. It is
	// required; its error stops the publish before any request is sent.
	Verify func(ctx context.Context) error
	// Client talks to the tenant.
	Client Tenant
	// Log receives progress lines (stderr); nil = none. It is redacted.
	Log io.Writer
	// Redactor hides the secrets (private key PEM, tokens, client secret) in
	// what Run prints and returns; nil = one for the PEM in Body.
	Redactor *redact.Redactor
	// Now stamps backup file names; nil = time.Now.
	Now func() time.Time
}

// Action is what Run did (or, with DryRun, would do) to the connection.
type Action string

// The actions; these words are the product's public vocabulary.
const (
	Created   Action = "created"
	Updated   Action = "updated"
	Unchanged Action = "unchanged"
)

// Result is the outcome of Run, also the `bridge publish --json` object.
type Result struct {
	Action       Action `json:"action"`
	DryRun       bool   `json:"dry_run,omitempty"`
	Name         string `json:"name"`
	ConnectionID string `json:"connection_id,omitempty"`
	// BackupPath is the file holding the connection as it was before the
	// update (mode 0600: it holds secrets).
	BackupPath string `json:"backup_path,omitempty"`
	// Changes says what was changed on the tenant, in order.
	Changes []string `json:"changes"`
	// EnabledClientsAdded are the clients the connection was (or would be)
	// enabled for.
	EnabledClientsAdded []string `json:"enabled_clients_added,omitempty"`
	// OptionsDiff compares the tenant's options with the published ones,
	// field by field; secrets are masked.
	OptionsDiff []Change `json:"options_diff,omitempty"`
	// ScriptDiff is the unified diff of options.scripts.fetchUserProfile from
	// the tenant's to the published one (see ScriptDiff); "" when unchanged.
	ScriptDiff string `json:"script_diff,omitempty"`
	// DryRunRequests are the writes DryRun would send, redacted, as HAR
	// requests.
	DryRunRequests []connection.HARRequest `json:"dry_run_requests,omitempty"`
	Warnings       []string                `json:"warnings,omitempty"`
}
