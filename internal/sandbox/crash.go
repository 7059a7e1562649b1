package sandbox

import "github.com/jira-auth0-bridge/bridge/internal/script"

// KindCrash is the outcome of a case whose sandbox worker died other than by
// the time limit or the memory ceiling: a Go panic or fatal error, a native
// stack overflow. Like every script outcome it fails the case (exit 1); the
// message carries the worker's last words. It is script.KindCrash, one of
// script.Kinds, so that case files can expect it.
const KindCrash = script.KindCrash
