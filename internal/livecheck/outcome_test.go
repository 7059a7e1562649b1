package livecheck

import (
	"context"
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/live"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// A syntax error is the script's failure, found before the dance; any other
// error stops the check as it is.
func TestCompileFailed(t *testing.T) {
	_, err := script.Compile("bad.js", "function(token, secret, ctx, cb) { cb(null, {user_id: ); }")
	if err == nil {
		t.Fatal("bad.js compiled")
	}
	out := CompileFailed(err, io.Discard)
	if out.Err != nil || out.Result == nil || out.Result.Outcome != script.KindSyntax || out.Real || out.Log != io.Discard {
		t.Fatalf("syntax error: %+v; want the script's syntax failure, not sent to JIRA", out)
	}
	other := errors.New("--script: open missing.js: no such file or directory")
	if out := CompileFailed(other, io.Discard); out.Err != other || out.Result != nil {
		t.Fatalf("unreadable script: %+v; want the error as it is", out)
	}
}

// A dance stopped by Ctrl-C says so; live's own errors keep their kind.
func TestDanceErr(t *testing.T) {
	if e := danceErr(fmt.Errorf("request token: %w", context.Canceled)); e.Stage != StageDance || e.Err != ErrStopped {
		t.Errorf("cancelled: %+v; want ErrStopped", e)
	}
	le := &live.Error{Kind: live.KindUnreachable, Err: context.Canceled}
	if e := danceErr(le); e.Err != le {
		t.Errorf("live error: %+v; want it as it is", e)
	}
	other := errors.New("boom")
	if e := danceErr(other); e.Err != other {
		t.Errorf("other: %+v; want it as it is", e)
	}
}
