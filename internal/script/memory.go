package script

import (
	"fmt"
	"math"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"time"
)

// The heap watchdog (doc.go explains its limits).
const (
	memoryPoll     = 5 * time.Millisecond
	memoryGCPeriod = 100 * time.Millisecond
	heapObjects    = "/memory/classes/heap/objects:bytes"
)

// watchMemory samples the process heap until stop is closed and calls trip
// once when it has grown more than limit bytes since the watch began. A
// crossing is confirmed after a garbage collection, so that garbage does not
// count. goja has no per-runtime accounting, so the heap is the process's:
// runs in parallel share it (doc.go).
func watchMemory(limit int64, stop <-chan struct{}, trip func(used uint64)) {
	sample := []metrics.Sample{{Name: heapObjects}}
	read := func() uint64 {
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return 0
		}
		return sample[0].Value.Uint64()
	}
	base := read()
	tick := time.NewTicker(memoryPoll)
	defer tick.Stop()
	var lastGC time.Time
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
		}
		used := read()
		if used <= base || int64(used-base) <= limit {
			continue
		}
		if time.Since(lastGC) < memoryGCPeriod {
			continue
		}
		runtime.GC()
		lastGC = time.Now()
		if used = read(); used > base && int64(used-base) > limit {
			trip(used - base)
			return
		}
	}
}

// formatBytes renders n in binary units, as --max-memory takes them.
func formatBytes(n uint64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d B", n)
}

// ParseSize reads a memory size as --max-memory takes it: a number of bytes
// with an optional unit, binary (KiB, MiB, GiB) or decimal (KB, MB, GB),
// e.g. "128MiB", "1GiB", "500MB", "1048576".
func ParseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	units := []struct {
		suffix string
		mult   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1}}
	mult := int64(1)
	for _, u := range units {
		if strings.HasSuffix(strings.ToUpper(t), strings.ToUpper(u.suffix)) && (len(u.suffix) > 1 || len(t) > 1) {
			mult = u.mult
			t = strings.TrimSpace(t[:len(t)-len(u.suffix)])
			break
		}
	}
	tooLarge := fmt.Errorf("script: memory size %q is over the largest, %d bytes (8 EiB): give a size such as 128MiB, 1GiB or 500MB", s, int64(math.MaxInt64))
	// Whole numbers are exact: a float64 rounds 9223372036854775807 up to
	// 2^63, which does not fit an int64.
	if i, err := strconv.ParseInt(t, 10, 64); err == nil && i > 0 {
		if i > math.MaxInt64/mult {
			return 0, tooLarge
		}
		return i * mult, nil
	} else if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange && !strings.HasPrefix(t, "-") {
		return 0, tooLarge
	}
	n, err := strconv.ParseFloat(t, 64)
	if err != nil || n <= 0 || math.IsNaN(n) {
		return 0, fmt.Errorf("script: memory size %q: give a positive size such as 128MiB, 1GiB or 500MB", s)
	}
	if n*float64(mult) >= math.MaxInt64 { // float64(MaxInt64) is 2^63
		return 0, tooLarge
	}
	return int64(n * float64(mult)), nil
}
