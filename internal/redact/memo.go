package redact

import (
	"strings"
	"sync"
)

// memoCap bounds the memo: a sandbox worker sees the same key and a handful
// of token secrets case after case, and each entry holds a few thousand
// windows of a PEM (fragments.go).
const memoCap = 16

var memo = struct {
	sync.Mutex
	m map[string]*Redactor
}{m: map[string]*Redactor{}}

// Memo is New for callers that build a Redactor for the same secrets again
// and again (a sandbox worker, once per case): building the windows of a
// PEM costs more than the script run it guards. A Redactor is immutable, so
// one may be shared. The memo holds memoCap sets and starts afresh when full.
func Memo(secrets ...string) *Redactor {
	k := strings.Join(secrets, "\x00")
	memo.Lock()
	r, ok := memo.m[k]
	memo.Unlock()
	if ok {
		return r
	}
	r = New(secrets...)
	memo.Lock()
	if len(memo.m) >= memoCap {
		clear(memo.m)
	}
	memo.m[k] = r
	memo.Unlock()
	return r
}
