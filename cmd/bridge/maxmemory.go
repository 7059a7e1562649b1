package main

import (
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// minMaxMemory is the smallest --max-memory accepted. The script runtime's
// watchdog measures the growth of the whole process's heap, sampled every
// 5 ms (internal/script/memory.go and doc.go, "Memory"), not the script's own
// allocations: the mock JIRA, the HTTP stack and the garbage collector's
// timing move it by megabytes, so a smaller ceiling fails runs at random, or
// not at all, without saying anything about the script.
const minMaxMemory = 16 << 20

// maxMemoryHelp is the help text of --max-memory in run, test and live.
const maxMemoryHelp = "heap ceiling of the script, e.g. 128MiB; at least 16MiB (the watchdog measures the process heap)"

// parseMaxMemory parses --max-memory (run, test, live) into bytes, refusing
// what script.ParseSize refuses and ceilings below minMaxMemory (exit 2).
func parseMaxMemory(s string) (int64, error) {
	n, err := script.ParseSize(s)
	if err != nil {
		return 0, usageErr("--max-memory: %v", err)
	}
	if n < minMaxMemory {
		return 0, usageErr("--max-memory %s is below the minimum of 16MiB: the ceiling is on the growth of the whole process's heap, not the script's alone, so a smaller one fails runs at random; give 16MiB or more, or leave the flag out for %s", s, "256MiB")
	}
	return n, nil
}
