package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os/exec"
	"syscall"
	"time"
)

// run is one measured child process.
type run struct {
	wall   time.Duration
	rssKiB int64         // peak resident set (getrusage ru_maxrss, KiB on Linux)
	cpu    time.Duration // user + system CPU time
	extra  time.Duration // of cpu, the part spent outside the child (the mock serving Node)
	stdout []byte
	exit   int
}

// measure runs a command and measures its wall time and peak RSS.
func measure(name string, args ...string) (run, error) {
	cmd := exec.Command(name, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	r := run{wall: time.Since(start), stdout: out.Bytes()}
	if cmd.ProcessState == nil {
		return r, fmt.Errorf("%s: %w", name, err)
	}
	r.exit = cmd.ProcessState.ExitCode()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.rssKiB = ru.Maxrss
		r.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	if err != nil && r.exit < 0 {
		return r, fmt.Errorf("%s: %w\n%s", name, err, errb.String())
	}
	if r.exit != 0 && r.exit != 1 {
		return r, fmt.Errorf("%s exited %d:\n%s", name, r.exit, errb.String())
	}
	return r, nil
}

// selfCPU is this process's user + system CPU time so far.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// bridgeReport is what the side-by-side reads of `bridge test --json`.
type bridgeReport struct {
	Cases []struct {
		Name    string          `json:"name"`
		Status  string          `json:"status"`
		Outcome string          `json:"outcome"`
		Profile json.RawMessage `json:"profile"`
		Error   *struct {
			Message string `json:"message"`
		} `json:"error"`
		Failures []string `json:"failures"`
		Mock     []struct {
			Verdict string `json:"verdict"`
		} `json:"mock"`
	} `json:"cases"`
	Summary struct {
		Passed, Failed, Total int
	} `json:"summary"`
}

// signatures counts the requests the mock verified ("ok"): one RSA-SHA1
// signature made by the script and one verified by the mock each.
func (r *bridgeReport) signatures() int {
	n := 0
	for _, c := range r.Cases {
		for _, m := range c.Mock {
			if m.Verdict == "ok" {
				n++
			}
		}
	}
	return n
}

// runBridge runs `bridge test --cases dir --parallel N --json`.
func runBridge(bin, dir string, parallel int) (run, *bridgeReport, error) {
	r, err := measure(bin, "test", "--cases", dir, "--parallel", fmt.Sprint(parallel), "--json")
	if err != nil {
		return r, nil, err
	}
	var rep bridgeReport
	if err := json.Unmarshal(r.stdout, &rep); err != nil {
		return r, nil, fmt.Errorf("reading bridge test --json: %w", err)
	}
	return r, &rep, nil
}
