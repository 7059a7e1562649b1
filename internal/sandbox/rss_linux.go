package sandbox

import (
	"bytes"
	"os"
	"os/exec"
	"strconv"
	"syscall"
)

// rssOf reads the resident set size of pid from /proc/PID/status (VmRSS,
// in kB; proc(5)).
func rssOf(pid int) (int64, bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, false
	}
	i := bytes.Index(b, []byte("VmRSS:"))
	if i < 0 {
		return 0, false
	}
	f := bytes.Fields(b[i+len("VmRSS:"):])
	if len(f) < 1 {
		return 0, false
	}
	kb, err := strconv.ParseInt(string(f[0]), 10, 64)
	if err != nil {
		return 0, false
	}
	return kb << 10, true
}

// setDeathSignal makes the worker die with its parent (PR_SET_PDEATHSIG,
// prctl(2)), even when the parent is killed and cannot close its pipes.
func setDeathSignal(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
