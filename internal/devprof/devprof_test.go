package devprof

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStartWritesAProfileOnlyWhenAsked(t *testing.T) {
	t.Setenv(Env, "")
	assert.False(t, Enabled())
	Start("quiet")() // a no-op: nothing to check but that it returns

	dir := t.TempDir()
	t.Setenv(Env, dir)
	assert.True(t, Enabled())
	stop := Start("unit")
	x := 0
	for i := 0; i < 1e6; i++ {
		x += i
	}
	_ = x
	stop()
	files, err := filepath.Glob(filepath.Join(dir, "unit-*.prof"))
	require.NoError(t, err)
	require.Len(t, files, 1)
	st, err := os.Stat(files[0])
	require.NoError(t, err)
	assert.Positive(t, st.Size(), "a pprof file has at least its header")
}
