package sandbox

import (
	"os"
	"runtime"
	"runtime/debug"
)

// workerGCPercent is the worker's GOGC. A case allocates about 0.6 MB on a
// heap of a few MB, so the default 100 collects several times per case; the
// heap watch and --max-memory bound the heap, not GOGC.
const workerGCPercent = 200

// tuneRuntime fits the Go runtime to a worker: one case at a time, its
// JavaScript on one goroutine. One P spares the idle Ps' spinning threads
// (futex and nanosleep calls, which cost most where system calls are dear,
// as on virtual machines), and a higher GOGC collects less often. The
// environment's GOMAXPROCS and GOGC, when set, win: they are a person's
// explicit choice.
func tuneRuntime() {
	if _, set := os.LookupEnv("GOMAXPROCS"); !set {
		runtime.GOMAXPROCS(1)
	}
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(workerGCPercent)
	}
}
