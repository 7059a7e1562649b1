package script

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{
		"128MiB": 128 << 20, "1GiB": 1 << 30, "512KiB": 512 << 10, "500MB": 500e6, "2GB": 2e9,
		"1048576": 1 << 20, "64M": 64 << 20, "1.5GiB": 3 << 29, " 256mib ": 256 << 20, "100B": 100,
		"9223372036854775807B": math.MaxInt64, "9223372036854775807": math.MaxInt64, "8589934591GiB": 8589934591 << 30,
		"9007199254740993": 9007199254740993, // exact, past float64's integers
	} {
		got, err := ParseSize(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, bad := range []string{"", "MiB", "-1MiB", "0", "lots", "12XB", "NaN", "Inf", "-9223372036854775809"} {
		_, err := ParseSize(bad)
		assert.Error(t, err, bad)
	}
	// Past an int64: said so, never wrapped round to a small or negative size.
	for _, big := range []string{"9223372036854775808B", "8589934592GiB", "9.3e18", "1e300GB", "99999999999999999999"} {
		_, err := ParseSize(big)
		assert.ErrorContains(t, err, "over the largest", big)
	}
}

func TestFormatBytes(t *testing.T) {
	assert.Equal(t, "256 MiB", formatBytes(256<<20))
	assert.Equal(t, "1 GiB", formatBytes(1<<30))
	assert.Equal(t, "12 KiB", formatBytes(12<<10))
	assert.Equal(t, "5 B", formatBytes(5))
}
