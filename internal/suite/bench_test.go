package suite

import (
	"context"
	"testing"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/cases"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// BenchmarkCase is one default case (server/full) end to end on a running
// suite: mint a token, run the script in a sandbox worker process (two
// RSA-SHA1 signed calls; the protocol's round trip is the per-case overhead of
// workers), the mock's verification of both, the profile checks and the diff.
func BenchmarkCase(b *testing.B) {
	b.ReportAllocs()
	var full = defaultCases(b)[0]
	for _, c := range defaultCases(b) {
		if c.Name == "server/full" {
			full = c
		}
	}
	r, err := newRunner(Options{Program: shipped(b), Cases: nil}, 1)
	if err != nil {
		b.Fatal(err)
	}
	defer r.close()
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if rc := r.runCase(ctx, full); rc.Status != "pass" {
			b.Fatalf("server/full failed: %v", rc.Failures)
		}
	}
}

// BenchmarkSuite runs the default suite (start the mock, render and compile
// the script, every case on NumCPU workers) and reports cases per second.
// The slow-JIRA case waits out its 200 ms time limit, so wall time has that
// floor.
func BenchmarkSuite(b *testing.B) {
	b.ReportAllocs()
	prog, cs := shipped(b), defaultCases(b)
	benchSuite(b, prog, cs)
}

// BenchmarkSuiteNoSlow is the default suite without the slow-JIRA case, whose
// time limit otherwise dominates: the runner's own throughput.
func BenchmarkSuiteNoSlow(b *testing.B) {
	b.ReportAllocs()
	prog := shipped(b)
	var cs = defaultCases(b)[:0]
	for _, c := range defaultCases(b) {
		if c.Timeout == 0 {
			cs = append(cs, c)
		}
	}
	benchSuite(b, prog, cs)
}

// benchSuite runs the suite of cs against prog once per iteration and
// reports cases per second.
func benchSuite(b *testing.B, prog *script.Program, cs []*cases.Case) {
	ctx := context.Background()
	var total time.Duration
	n := 0
	for b.Loop() {
		start := time.Now()
		rep, err := Run(ctx, Options{Program: prog, Cases: cs})
		if err != nil {
			b.Fatal(err)
		}
		total += time.Since(start)
		n += rep.Summary.Total
	}
	b.ReportMetric(float64(n)/total.Seconds(), "cases/s")
}
