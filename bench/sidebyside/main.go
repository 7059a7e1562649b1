// Command sidebyside is the side-by-side of `make bench`: the same
// generated profile fetches through `bridge test --parallel N` and through
// the shipped script under Node v20 with the real oauth@0.10.2, both against
// a mock JIRA that mints each case's access token directly.
//
// It generates the cases (bench/gen) into a temporary directory, then, -runs
// times, alternately
//
//	(a) runs `bin/bridge test --cases DIR --parallel 2 --json`, measuring its
//	    wall time and peak RSS, and checks every case passed;
//	(b) starts one jiramock in-process, mints a token per case with the same
//	    user, flavor and faults, and runs `node bench/node/run.js` with the
//	    script rendered for that mock, measuring Node's wall time (the process,
//	    and run.js's own from first case to last) and peak RSS;
//
// checks Node got the same profile or error as bridge for every case, and
// times the default suite (`bin/bridge test`, process start included).
//
// It prints the wall times, their ratio, profile fetches per second, the time
// of one RSA-SHA1 signature and the ratio to the RSA floor: wall /
// (signatures the mock verified × sign time / cores). On a shared machine the
// speed of a core drifts, so the signature is timed between the runs and each
// figure is the best of its samples (noise only ever adds time). It exits 1
// when a case failed or Node and bridge disagree.
//
//	go run ./bench/sidebyside -bridge bin/bridge
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/jira-auth0-bridge/bridge/bench/gen"
)

type config struct {
	n                 int
	seed              uint64
	bin, node, runJS  string
	parallel, conc    int
	runs, defaultRuns int
	keep              bool
}

func main() {
	var c config
	flag.IntVar(&c.n, "n", 1000, "generated cases")
	flag.Uint64Var(&c.seed, "seed", gen.DefaultSeed, "generator seed")
	flag.StringVar(&c.bin, "bridge", "bin/bridge", "the bridge binary")
	flag.IntVar(&c.parallel, "parallel", 2, "bridge test --parallel")
	flag.StringVar(&c.node, "node", "testdata/node22/node_modules/.bin/node", "the Node binary (Node 22, installed by make node-deps)")
	flag.StringVar(&c.runJS, "runjs", "bench/node/run.js", "the Node runner")
	flag.IntVar(&c.conc, "concurrency", 64, "cases in flight at once under Node (0 = all)")
	flag.IntVar(&c.runs, "runs", 3, "runs of each side (the best counts)")
	flag.IntVar(&c.defaultRuns, "default-runs", 5, "runs of the default suite")
	flag.BoolVar(&c.keep, "keep", false, "keep the generated cases (their directory is printed)")
	flag.Parse()
	if err := sideBySide(c); err != nil {
		fmt.Fprintln(os.Stderr, "sidebyside:", err)
		os.Exit(1)
	}
}

func sideBySide(c config) error {
	tmp, err := os.MkdirTemp("", "bridge-bench-")
	if err != nil {
		return err
	}
	if c.keep {
		fmt.Fprintln(os.Stderr, "sidebyside: cases kept in", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}
	dir := filepath.Join(tmp, "cases")
	if _, err := gen.Write(dir, c.n, c.seed); err != nil {
		return err
	}
	cores := runtime.NumCPU()
	loadBefore := loadAvg()

	var (
		signs, parSigns []float64
		bridgeRuns      []run
		nodeRuns        []run
		nodeLoops       []time.Duration
		rep             *bridgeReport
		out             *nodeOutput
		nodeSigs        int
	)
	sample := func() error {
		s, p, err := signTimes()
		signs, parSigns = append(signs, s), append(parSigns, p)
		return err
	}
	if err := sample(); err != nil {
		return err
	}
	for i := range c.runs {
		fmt.Fprintf(os.Stderr, "sidebyside: run %d/%d: bridge test on %d generated cases…\n", i+1, c.runs, c.n)
		br, r, err := runBridge(c.bin, dir, c.parallel)
		if err != nil {
			return err
		}
		bridgeRuns, rep = append(bridgeRuns, br), r
		fmt.Fprintf(os.Stderr, "sidebyside: run %d/%d: the same under Node…\n", i+1, c.runs)
		nr, o, sigs, err := runNode(c.node, c.runJS, dir, tmp, c.conc)
		if err != nil {
			return err
		}
		nodeRuns, out, nodeSigs = append(nodeRuns, nr), o, sigs
		nodeLoops = append(nodeLoops, time.Duration(o.WallMS*float64(time.Millisecond)))
		if err := sample(); err != nil {
			return err
		}
	}
	diffs := compare(rep, out)

	fmt.Fprintf(os.Stderr, "sidebyside: the default suite, %d runs…\n", c.defaultRuns)
	var defaults []time.Duration
	for range c.defaultRuns {
		r, err := measure(c.bin, "test")
		if err != nil {
			return err
		}
		if r.exit != 0 {
			return fmt.Errorf("bridge test (default suite) exited %d", r.exit)
		}
		defaults = append(defaults, r.wall)
	}

	signNS, parNS := slices.Min(signs), slices.Min(parSigns)
	bridgeSigs := rep.signatures()
	floor := func(sigs int) time.Duration { return time.Duration(float64(sigs) * signNS / float64(cores)) }
	bw, nw, nl := best(bridgeRuns), best(nodeRuns), slices.Min(nodeLoops)
	fmt.Printf("== side by side: %d generated cases (seed %d), %d cores, best of %d runs; load average before %s, after %s ==\n",
		c.n, c.seed, cores, c.runs, loadBefore, loadAvg())
	fmt.Printf("RSA-SHA1 sign (dghubble RSASigner, 2048-bit test key): %.0f ns/op on one core (samples %s);\n", signNS, list(signs))
	fmt.Printf("  %.0f ns/op wall with %d cores signing at once (%.2f× the ideal %.0f)\n", parNS, cores, parNS*float64(cores)/signNS, signNS/float64(cores))
	fmt.Printf("RSA floor = signatures the mock verified × %.0f ns / %d cores\n", signNS, cores)
	fmt.Printf("%-36s %9s %10s %11s %10s %8s %9s %9s  %s\n", "", "wall", "fetches/s", "signatures", "RSA floor", "÷ floor", "CPU", "peak RSS", "all runs")
	row := func(name string, wall time.Duration, sigs int, cpu time.Duration, rssKiB int64, all string) {
		rss, cpus := "-", "-"
		if rssKiB > 0 {
			rss = fmt.Sprintf("%.0f MiB", float64(rssKiB)/1024)
		}
		if cpu > 0 {
			cpus = ms(cpu)
		}
		fmt.Printf("%-36s %9s %10.0f %11d %10s %8.2f %9s %9s  %s\n", name, ms(wall), float64(c.n)/wall.Seconds(), sigs, ms(floor(sigs)),
			wall.Seconds()/floor(sigs).Seconds(), cpus, rss, all)
	}
	row(fmt.Sprintf("bridge test --parallel %d (process)", c.parallel), bw.wall, bridgeSigs, bw.cpu, maxRSS(bridgeRuns), walls(bridgeRuns))
	row("node + oauth@0.10.2 (process)", nw.wall, nodeSigs, nw.cpu, maxRSS(nodeRuns), walls(nodeRuns))
	row("node + oauth@0.10.2 (run.js loop)", nl, nodeSigs, 0, 0, list(durations(nodeLoops)))
	fmt.Printf("CPU (user+sys): bridge %.0f%% of its wall on %d cores, signing %.0f%% of its CPU at the best sign time; Node %s of which the mock serving it %s\n",
		100*bw.cpu.Seconds()/bw.wall.Seconds(), cores, 100*float64(bridgeSigs)*signNS/1e9/bw.cpu.Seconds(), ms(nw.cpu), ms(nw.extra))
	fmt.Printf("ratio bridge/Node: %.2f against Node's process, %.2f against its loop alone (target ≤ 0.6)\n",
		bw.wall.Seconds()/nw.wall.Seconds(), bw.wall.Seconds()/nl.Seconds())
	fmt.Printf("bridge ÷ RSA floor: %.2f (target ≤ 1.3); %.2f against the measured all-cores signing rate\n",
		bw.wall.Seconds()/floor(bridgeSigs).Seconds(), bw.wall.Seconds()/(float64(bridgeSigs)*parNS/1e9))
	fmt.Printf("peak RSS: bridge %.0f MiB (target < 150 MiB), Node %.0f MiB\n", float64(maxRSS(bridgeRuns))/1024, float64(maxRSS(nodeRuns))/1024)
	fmt.Printf("default suite (bin/bridge test, process start included): best %s, median %s of %d runs (target < 500 ms)\n",
		ms(slices.Min(defaults)), ms(median(defaults)), len(defaults))
	fmt.Printf("bridge: %d passed, %d failed; Node: %d profiles, %d errors; fidelity: %d of %d cases differ; signatures %d (bridge) / %d (Node)\n",
		rep.Summary.Passed, rep.Summary.Failed, out.Profiles, out.Errors, len(diffs), c.n, bridgeSigs, nodeSigs)
	for i, d := range diffs {
		if i == 10 {
			fmt.Printf("  … and %d more\n", len(diffs)-i)
			break
		}
		fmt.Println("  " + d)
	}
	for _, c := range rep.Cases {
		if c.Status != "pass" {
			fmt.Printf("  FAIL %s: %v\n", c.Name, c.Failures)
		}
	}
	if rep.Summary.Failed > 0 || len(diffs) > 0 || nodeSigs != bridgeSigs {
		return fmt.Errorf("%d failed case(s), %d difference(s) between Node and bridge, signatures %d (bridge) vs %d (Node)",
			rep.Summary.Failed, len(diffs), bridgeSigs, nodeSigs)
	}
	return nil
}

func best(rs []run) run {
	b := rs[0]
	for _, r := range rs[1:] {
		if r.wall < b.wall {
			b = r
		}
	}
	return b
}

func maxRSS(rs []run) int64 {
	var m int64
	for _, r := range rs {
		m = max(m, r.rssKiB)
	}
	return m
}

func walls(rs []run) string {
	var ds []time.Duration
	for _, r := range rs {
		ds = append(ds, r.wall)
	}
	return list(durations(ds))
}

func durations(ds []time.Duration) []float64 {
	var fs []float64
	for _, d := range ds {
		fs = append(fs, float64(d))
	}
	return fs
}

// list shows nanosecond samples in ms (or ns when small).
func list(ns []float64) string {
	var s []string
	for _, v := range ns {
		if v >= 1e8 {
			s = append(s, ms(time.Duration(v)))
		} else {
			s = append(s, fmt.Sprintf("%.0f", v))
		}
	}
	return strings.Join(s, ", ")
}

// loadAvg is the 1-minute load average: other work on the machine slows
// every figure here.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) > 0 {
		return f[0]
	}
	return "?"
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond)) }
