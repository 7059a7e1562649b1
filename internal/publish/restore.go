package publish

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/auth0"
	"github.com/jira-auth0-bridge/bridge/internal/redact"
)

// ErrBackup: the backup file cannot be restored from (unreadable, not a
// connection as the Management API returns it, or without options).
var ErrBackup = errors.New("not a usable connection backup")

// RestorePlan puts back the options of a connection from a backup that
// publish wrote (the connection as GET /api/v2/connections/{id} returned it).
// It needs only the Management API client: nothing is verified against JIRA,
// since the backup is what was deployed before.
type RestorePlan struct {
	// Backup is the backup file's content; BackupSource names it in messages.
	Backup       []byte
	BackupSource string
	// DryRun reads and diffs, and returns the PATCH it would send; it
	// writes nothing.
	DryRun bool
	// BackupDir receives a backup of the connection as it is now, before it
	// is overwritten, so that a restore can be undone; "" = DefaultBackupDir.
	BackupDir string
	Client    Tenant
	Log       io.Writer
	// Redactor hides secrets; nil = one for the backup's and the tenant's
	// client_secret.
	Redactor *redact.Redactor
	Now      func() time.Time
}

// ReadBackup reads a backup file for RestorePlan.
func ReadBackup(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %w; pass a file that bridge publish saved (its path is in publish's output and in --backup-dir)", ErrBackup, err)
	}
	return data, nil
}

// Restore puts back the options of the backup on the connection of the same
// name and strategy, with publish's safety: it finds the connection, diffs
// the tenant's options (and script, ScriptDiff) against the backup's, and
// then, unless DryRun, saves the connection as it is now to a new backup,
// replaces its options with the backup's wholesale (PATCH; a restore puts
// back exactly what was there, so nothing is merged), and reads it back.
// Enabled clients are not touched; see EnabledClientsWarning.
func Restore(ctx context.Context, p RestorePlan) (*Result, error) {
	src := p.BackupSource
	if src == "" {
		src = "the backup"
	}
	if p.Client == nil {
		return nil, fmt.Errorf("publish: restore: no Management API client")
	}
	var c auth0.Connection
	if err := c.UnmarshalJSON(p.Backup); err != nil {
		return nil, fmt.Errorf("%w: %s is not JSON: %v", ErrBackup, src, err)
	}
	b, err := parseBody(encode(map[string]any{"name": c.Name, "strategy": c.Strategy, "options": rawOrNil(c.Options)}))
	if err != nil {
		return nil, fmt.Errorf("%w: %s needs name, strategy and options (a backup saved by a token without read:connections_options has none)", ErrBackup, src)
	}
	r := &run{
		Plan: Plan{Body: encode(map[string]any{"name": b.Name, "strategy": b.Strategy, "options": b.Options}),
			DryRun: p.DryRun, BackupDir: p.BackupDir, Client: p.Client, Log: p.Log, Redactor: p.Redactor, Now: p.Now},
		body: b,
		res:  &Result{Name: b.Name, DryRun: p.DryRun, Changes: []string{}},
	}
	if r.redact = p.Redactor; r.redact == nil {
		secret, _ := b.Options["client_secret"].(string)
		r.redact = redact.New(secret)
	}
	r.log = io.Discard
	if p.Log != nil {
		r.log = r.redact.Writer(p.Log)
	}
	if r.Now == nil {
		r.Now = time.Now
	}
	if err := r.restore(ctx, c.ID, src); err != nil {
		return r.res, err
	}
	return r.res, nil
}

func rawOrNil(raw []byte) any {
	if raw == nil {
		return nil
	}
	m, err := decodeObject(raw)
	if err != nil {
		return nil
	}
	return m
}

func (r *run) restore(ctx context.Context, backupID, src string) error {
	cur, err := r.find(ctx)
	if err != nil {
		return err
	}
	if cur == nil {
		return r.fail("find", fmt.Errorf("no connection named %s on the tenant to restore %s onto: publish it anew with bridge publish", r.body.Name, src))
	}
	r.res.ConnectionID = cur.ID
	if backupID != "" && backupID != cur.ID {
		r.warn(fmt.Sprintf("%s is of connection %s (%s), the tenant's %s is %s: it was deleted and created again since; restoring onto %s", src, r.body.Name, backupID, r.body.Name, cur.ID, cur.ID))
	}
	if cur.Options == nil {
		return r.fail("restore", fmt.Errorf("%w of %s (%s): grant the token %s to diff and back up what a restore overwrites",
			ErrNoOptions, cur.Name, cur.ID, auth0.ScopeReadConnectionsOptions))
	}
	old, err := decodeObject(cur.Options)
	if err != nil {
		return r.fail("restore", fmt.Errorf("the options of %s (%s) on the tenant are not a JSON object: %v", cur.Name, cur.ID, err))
	}
	// The tenant's own secret must be masked too.
	if r.Plan.Redactor == nil {
		backupSecret, _ := r.body.Options["client_secret"].(string)
		tenantSecret, _ := old["client_secret"].(string)
		r.redact = redact.New(backupSecret, tenantSecret)
		if r.Plan.Log != nil {
			r.log = r.redact.Writer(r.Plan.Log)
		}
	}
	r.res.OptionsDiff = Diff(old, r.body.Options, r.redact)
	r.setScriptDiff(old, r.body.Options)
	if len(r.res.OptionsDiff) == 0 {
		r.res.Action = Unchanged
		r.logf("connection %s (%s) already holds the options of %s: nothing to restore", cur.Name, cur.ID, src)
		return nil
	}
	r.res.Action = Updated
	if r.DryRun {
		req, err := r.Client.DescribeUpdate(cur.ID, auth0.ConnectionUpdate{Options: encode(maskSecrets(r.body.Options))})
		if err != nil {
			return r.fail("restore", err)
		}
		r.addDryRun(req)
		return nil
	}
	path, err := writeBackup(r.BackupDir, cur.Name, cur.ID, cur.Raw, r.Now())
	if err != nil {
		return r.fail("backup", err)
	}
	r.res.BackupPath = path
	r.logf("saved connection %s as it is now to %s (mode 0600: it holds secrets)", cur.Name, path)
	if _, err := r.Client.UpdateConnection(ctx, cur.ID, auth0.ConnectionUpdate{Options: encode(r.body.Options)}); err != nil {
		return r.failWrite("restore", "PATCH /api/v2/connections/"+cur.ID, err)
	}
	r.changed("restored the options of connection %s (%s) from %s: %d field(s); the overwritten version is in %s", cur.Name, cur.ID, src, len(r.res.OptionsDiff), path)
	r.logf("restored connection %s (%s) from %s", cur.Name, cur.ID, src)
	return r.readBack(ctx)
}
