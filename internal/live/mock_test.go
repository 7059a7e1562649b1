package live

import (
	"context"
	"crypto/rsa"
	"sync"
	"testing"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
	"github.com/stretchr/testify/require"
)

var (
	otherKeyOnce sync.Once
	otherKey     *rsa.PrivateKey
)

// wrongKey is a key pair JIRA does not know.
func wrongKey(t testing.TB) *rsa.PrivateKey {
	otherKeyOnce.Do(func() {
		k, err := keys.Generate(2048)
		require.NoError(t, err)
		otherKey = k
	})
	return otherKey
}

// newMock starts a mock JIRA for one test.
func newMock(t testing.TB, cfg jiramock.Config) string {
	t.Helper()
	m, err := jiramock.New(cfg)
	require.NoError(t, err)
	t.Cleanup(m.Close)
	return m.URL()
}

// runQuick runs the dance with a short approval timeout.
func runQuick(t testing.TB, opts Options) (*Error, error) {
	t.Helper()
	if opts.ApproveTimeout == 0 {
		opts.ApproveTimeout = 5 * time.Second
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	_, err := Run(ctx, opts)
	var e *Error
	if err != nil {
		require.ErrorAs(t, err, &e)
	}
	return e, err
}
