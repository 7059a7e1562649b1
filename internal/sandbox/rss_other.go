//go:build !linux

package sandbox

import "os/exec"

// rssOf is unknown off Linux: there is no /proc to read. On macOS and Windows
// the memory ceiling rests on the worker's own heap watch (heapwatch.go),
// which sees the Go heap but not memory outside it; the wall-clock limit
// still ends any run.
func rssOf(pid int) (int64, bool) { return 0, false }

// setDeathSignal has no equivalent here: a worker notices its parent is gone
// when its stdin closes.
func setDeathSignal(cmd *exec.Cmd) {}
