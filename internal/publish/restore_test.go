package publish

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A publish, then a restore from its backup: the options are back, the
// restore's own backup holds what it overwrote, and a dry run writes nothing.
func TestRestoreFromPublishBackup(t *testing.T) {
	e := newEnv(t)
	oldOpts := newOptions()
	oldOpts["scripts"] = map[string]any{"fetchUserProfile": "function (token, tokenSecret, ctx, cb) {\n  cb(null, {user_id: 'old'});\n}"}
	oldOpts["customHeaders"] = map[string]any{"X-Kept": "1"}
	id := e.fake.Seed(string(encode(map[string]any{"name": "jira", "strategy": "oauth1", "options": oldOpts})))
	res, err := Run(context.Background(), e.plan)
	if err != nil || res.BackupPath == "" {
		t.Fatalf("publish: %v %+v", err, res)
	}
	backup, err := ReadBackup(res.BackupPath)
	if err != nil {
		t.Fatal(err)
	}
	plan := RestorePlan{Backup: backup, BackupSource: res.BackupPath, Client: e.client, Log: e.log, BackupDir: t.TempDir(), Now: e.plan.Now}

	// Dry run: diff and the PATCH it would send, no write.
	writes := len(e.fake.Writes())
	plan.DryRun = true
	dry, err := Restore(context.Background(), plan)
	if err != nil {
		t.Fatal(err)
	}
	if len(e.fake.Writes()) != writes || dry.Action != Updated || len(dry.DryRunRequests) != 1 || dry.DryRunRequests[0].Method != "PATCH" {
		t.Fatalf("dry-run restore: writes %d -> %d, result %+v", writes, len(e.fake.Writes()), dry)
	}
	if !strings.Contains(dry.ScriptDiff, "-  cb(null, {user_id: 'x'});\n+  cb(null, {user_id: 'old'});\n") {
		t.Errorf("restore script diff:\n%s", dry.ScriptDiff)
	}
	noSecrets(t, string(encode(dry)), e.log.String())

	// The restore.
	plan.DryRun = false
	got, err := Restore(context.Background(), plan)
	if err != nil {
		t.Fatal(err)
	}
	if got.Action != Updated || got.ConnectionID != id || got.BackupPath == "" {
		t.Fatalf("restore result %+v", got)
	}
	stored := e.stored(t)["options"].(map[string]any)
	if string(encode(stored)) != string(encode(decodeMust(t, encode(oldOpts)))) {
		t.Errorf("restored options\n%s\nwant\n%s", encode(stored), encode(oldOpts))
	}
	// The restore's own backup holds the published script.
	b, _ := os.ReadFile(got.BackupPath)
	if !strings.Contains(string(b), "user_id: 'x'") {
		t.Errorf("the restore's backup does not hold what it overwrote: %s", b)
	}
	// Again: nothing to do.
	again, err := Restore(context.Background(), plan)
	if err != nil || again.Action != Unchanged {
		t.Errorf("second restore: %v %+v", err, again)
	}
}

func TestRestoreRefusesBadBackups(t *testing.T) {
	e := newEnv(t)
	for _, b := range []string{`not json`, `{"name":"jira","strategy":"oauth1"}`, `[]`} {
		_, err := Restore(context.Background(), RestorePlan{Backup: []byte(b), Client: e.client})
		if !errors.Is(err, ErrBackup) {
			t.Errorf("backup %s: err = %v, want ErrBackup", b, err)
		}
	}
	if _, err := ReadBackup(filepath.Join(t.TempDir(), "missing.json")); !errors.Is(err, ErrBackup) {
		t.Errorf("missing file: %v", err)
	}
	// No such connection on the tenant.
	_, err := Restore(context.Background(), RestorePlan{Backup: encode(map[string]any{"id": "con_x", "name": "jira", "strategy": "oauth1", "options": newOptions()}), Client: e.client})
	var pe *Error
	if !errors.As(err, &pe) || pe.Step != "find" || len(e.fake.Writes()) != 0 {
		t.Errorf("restore onto nothing: %v", err)
	}
}

func TestEnabledClientsWarning(t *testing.T) {
	e := newEnv(t)
	res, err := Run(context.Background(), e.plan)
	if err != nil {
		t.Fatal(err)
	}
	w, err := EnabledClientsWarning(context.Background(), e.client, res)
	if err != nil || !strings.Contains(w, "no enabled clients") || !strings.Contains(w, "--enabled-clients") {
		t.Errorf("warning = %q, %v", w, err)
	}
	e.fake.EnableClients(res.ConnectionID, "app1")
	if w, err := EnabledClientsWarning(context.Background(), e.client, res); err != nil || w != "" {
		t.Errorf("with a client: %q %v", w, err)
	}
	// A dry-run create with clients asked for: no warning; without: one.
	e2 := newEnv(t)
	e2.plan.DryRun = true
	e2.plan.EnabledClients = []string{"app1"}
	res, _ = Run(context.Background(), e2.plan)
	if w, _ := EnabledClientsWarning(context.Background(), e2.client, res); w != "" {
		t.Errorf("dry run with clients: %q", w)
	}
	e2.plan.EnabledClients = nil
	res, _ = Run(context.Background(), e2.plan)
	if w, _ := EnabledClientsWarning(context.Background(), e2.client, res); !strings.Contains(w, "would have no enabled clients") {
		t.Errorf("dry run without clients: %q", w)
	}
}

func TestDefaultBackupDir(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", "/tmp/xdg-test")
	t.Setenv("HOME", "/tmp/home-test")
	t.Setenv("AppData", `C:\AppData`)
	d, err := DefaultBackupDir()
	if err != nil {
		t.Fatal(err)
	}
	cfg, _ := os.UserConfigDir()
	if d != filepath.Join(cfg, "bridge", "backups") || !strings.HasSuffix(d, filepath.Join("bridge", "backups")) {
		t.Errorf("DefaultBackupDir = %q", d)
	}
	if wd, _ := os.Getwd(); strings.HasPrefix(d, wd) {
		t.Errorf("the default backup directory %q is under the current directory", d)
	}
}
