package suite

import (
	"context"
	"fmt"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/jira-auth0-bridge/bridge/bench/gen"
	"github.com/jira-auth0-bridge/bridge/internal/cases"
	"github.com/jira-auth0-bridge/bridge/internal/report"
)

// generated parses n cases of bench/gen's generated suite (the one `make
// bench` runs, seed gen.DefaultSeed).
func generated(t testing.TB, n int) []*cases.Case {
	t.Helper()
	files, err := gen.Generate(n, gen.DefaultSeed)
	if err != nil {
		t.Fatal(err)
	}
	cs := make([]*cases.Case, len(files))
	for i, f := range files {
		if cs[i], err = cases.Parse(f.Name, f.Name+".json", f.Data); err != nil {
			t.Fatalf("generated case %s does not parse: %v", f.Name, err)
		}
	}
	return cs
}

// TestGeneratedSuitePasses is the cross-check of bench/gen's mirror of the
// shipped script: the expectations it computes in Go are what the script
// really returns, for every kind of user and fault it generates.
func TestGeneratedSuitePasses(t *testing.T) {
	cs := generated(t, 150)
	rep := run(t, Options{Program: shipped(t), Cases: cs})
	for _, c := range rep.Cases {
		if c.Status != report.Pass {
			t.Errorf("generated case %s failed: %v\ndiff: %+v", c.Name, c.Failures, c.Diff)
		}
	}
	kinds := map[string]bool{}
	for _, c := range cs {
		kinds[fmt.Sprint(c.Flavor, c.Faults != nil, c.Expect.Error != nil)] = true
	}
	if len(kinds) < 6 { // server and cloud, each plain, fault→profile (redirect) and fault→error
		t.Errorf("150 generated cases cover only %v", kinds)
	}
}

// BenchmarkGenerated runs 1,000 generated cases (the side-by-side's suite,
// bench/gen) on 2 workers, as `make bench` does through the CLI, and on 4:
// the suite to profile (-cpuprofile). It reports cases per second, the wall
// time per request the mock verified (each is one RSA-SHA1 signature by the
// script: set it beside BenchmarkSign / cores), and busy-%: the process's
// CPU time (getrusage) over wall time × cores, which shows how far the
// workers keep the cores busy while they wait on the mock (other work on
// the machine lowers it too).
func BenchmarkGenerated(b *testing.B) {
	prog, cs := shipped(b), generated(b, 1000)
	for _, parallel := range []int{2, 4} {
		b.Run(fmt.Sprintf("parallel=%d", parallel), func(b *testing.B) {
			b.ReportAllocs()
			ctx := context.Background()
			var total time.Duration
			n, signed := 0, 0
			cpu0 := processCPU()
			for b.Loop() {
				start := time.Now()
				rep, err := Run(ctx, Options{Program: prog, Cases: cs, Parallel: parallel})
				if err != nil {
					b.Fatal(err)
				}
				total += time.Since(start)
				if !rep.Passed() {
					b.Fatalf("generated suite: %+v", rep.Summary)
				}
				n += rep.Summary.Total
				for _, c := range rep.Cases {
					for _, e := range c.Mock {
						if e.Verdict == "ok" {
							signed++
						}
					}
				}
			}
			cpu := processCPU() - cpu0
			b.ReportMetric(float64(n)/total.Seconds(), "cases/s")
			b.ReportMetric(float64(total.Nanoseconds())/float64(signed), "ns/signed-request")
			b.ReportMetric(100*cpu.Seconds()/(total.Seconds()*float64(runtime.NumCPU())), "busy-%")
		})
	}
}

// processCPU is this process's user + system CPU time so far.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
