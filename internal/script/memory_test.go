package script

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{
		"128MiB": 128 << 20, "1GiB": 1 << 30, "512KiB": 512 << 10, "500MB": 500e6, "2GB": 2e9,
		"1048576": 1 << 20, "64M": 64 << 20, "1.5GiB": 3 << 29, " 256mib ": 256 << 20, "100B": 100,
	} {
		got, err := ParseSize(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, bad := range []string{"", "MiB", "-1MiB", "0", "lots", "12XB", "NaN"} {
		_, err := ParseSize(bad)
		assert.Error(t, err, bad)
	}
}

func TestFormatBytes(t *testing.T) {
	assert.Equal(t, "256 MiB", formatBytes(256<<20))
	assert.Equal(t, "1 GiB", formatBytes(1<<30))
	assert.Equal(t, "12 KiB", formatBytes(12<<10))
	assert.Equal(t, "5 B", formatBytes(5))
}
