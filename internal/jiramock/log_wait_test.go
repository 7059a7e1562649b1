package jiramock

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// TestRequestsForAtLeast: it returns a token's entries once there are n of
// them, entries logged while it waits included, and what there is when the
// time is up; other tokens' entries do not wake it for good.
func TestRequestsForAtLeast(t *testing.T) {
	m := newMock(t, Config{})
	m.log.add(LogEntry{Token: "a", Path: "/1"})
	assert.Len(t, m.RequestsForAtLeast("a", 1, time.Minute), 1, "already there")

	done := make(chan []LogEntry)
	go func() { done <- m.RequestsForAtLeast("a", 3, time.Minute) }()
	for _, e := range []LogEntry{{Token: "b", Path: "/x"}, {Token: "a", Path: "/2"}, {Token: "a", Path: "/3"}} {
		time.Sleep(time.Millisecond)
		m.log.add(e)
	}
	got := <-done
	if assert.Len(t, got, 3) {
		assert.Equal(t, []string{"/1", "/2", "/3"}, []string{got[0].Path, got[1].Path, got[2].Path})
	}

	assert.Len(t, m.RequestsForAtLeast("a", 5, time.Millisecond), 3, "time up: what there is")
	assert.Empty(t, m.RequestsForAtLeast("nobody", 1, time.Millisecond))
	assert.Zero(t, m.log.waiters)
}
