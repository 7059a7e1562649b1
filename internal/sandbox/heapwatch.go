package sandbox

import (
	"fmt"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// exitMemory is the exit code of a worker whose heap watch tripped.
const exitMemory = 86

// heapSlack is how far past the ceiling the worker's own heap watch lets a
// run go before it exits: the script runtime's watchdog trips at the ceiling
// and ends the run with a message when the script is in JavaScript; this
// watch is for a run stuck in a native call, which nothing inside can stop.
const heapSlack = 16 << 20

const heapObjects = "/memory/classes/heap/objects:bytes"

// heapWatch exits the worker when an armed run's heap grows past its ceiling
// plus heapSlack, confirmed after a garbage collection. While armed, the Go
// soft memory limit (debug.SetMemoryLimit) is the same ceiling, so the
// collector works harder before it is reached.
type heapWatch struct {
	mu    sync.Mutex
	limit int64 // 0 = disarmed
	base  uint64
}

func newHeapWatch() *heapWatch { return &heapWatch{} }

func heapNow() uint64 {
	s := []metrics.Sample{{Name: heapObjects}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

func (h *heapWatch) arm(limit int64) {
	if limit <= 0 {
		limit = 256 << 20 // script.DefaultMaxMemory
	}
	h.mu.Lock()
	h.base, h.limit = heapNow(), limit
	debug.SetMemoryLimit(satAdd(int64(h.base), limit, heapSlack))
	h.mu.Unlock()
}

func (h *heapWatch) disarm() {
	h.mu.Lock()
	h.limit = 0
	debug.SetMemoryLimit(math.MaxInt64)
	h.mu.Unlock()
}

// over reports the heap grown past the armed ceiling, or 0.
func (h *heapWatch) over() (used uint64, limit int64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.limit == 0 {
		return 0, 0
	}
	now := heapNow()
	if now > h.base && int64(now-h.base) > satAdd(h.limit, heapSlack) {
		return now - h.base, h.limit
	}
	return 0, 0
}

// satAdd adds non-negative sizes, saturating at math.MaxInt64: a ceiling of
// --max-memory 9223372036854775807B plus a slack must not wrap round to a
// negative size that every heap is over.
func satAdd(ns ...int64) int64 {
	var sum int64
	for _, n := range ns {
		if n > math.MaxInt64-sum {
			return math.MaxInt64
		}
		sum += n
	}
	return sum
}

func (h *heapWatch) watch() {
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for range tick.C {
		if used, _ := h.over(); used == 0 {
			continue
		}
		runtime.GC()
		if used, limit := h.over(); used > 0 {
			fmt.Fprintf(os.Stderr, "bridge sandbox worker: the run's heap grew past the %d MiB ceiling (%d MiB in use)\n", limit>>20, used>>20)
			os.Exit(exitMemory)
		}
	}
}
