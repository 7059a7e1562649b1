// Command sidebyside is the side-by-side of `make bench` (issue 7): the same
// generated profile fetches through `bridge test --parallel N` and through
// the shipped script under Node v20 with the real oauth@0.10.2, both against
// a mock JIRA that mints each case's access token directly.
//
// It generates the cases (bench/gen) into a temporary directory, then
//
//	(a) runs `bin/bridge test --cases DIR --parallel 2 --json`, measuring its
//	    wall time and peak RSS, and checks every case passed;
//	(b) starts one jiramock in-process, mints a token per case with the same
//	    user, flavor and faults, and runs `node bench/node/run.js` with the
//	    script rendered for that mock, measuring Node's wall time (the process,
//	    and run.js's own from first case to last) and peak RSS;
//	(c) checks Node got the same profile or error as bridge for every case;
//	(d) times the default suite (`bin/bridge test`), process start included.
//
// It prints the wall times, their ratio, profile fetches per second, the
// signing time of one RSA-SHA1 signature and the ratio to the RSA floor:
// wall / (signatures the mock verified × sign time / cores). It exits 1 when
// a case failed or Node and bridge disagree.
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
	"time"

	"github.com/jira-auth0-bridge/bridge/bench/gen"
)

func main() {
	n := flag.Int("n", 1000, "generated cases")
	seed := flag.Uint64("seed", gen.DefaultSeed, "generator seed")
	bin := flag.String("bridge", "bin/bridge", "the bridge binary")
	parallel := flag.Int("parallel", 2, "bridge test --parallel")
	nodeBin := flag.String("node", "node", "the Node binary")
	runJS := flag.String("runjs", "bench/node/run.js", "the Node runner")
	conc := flag.Int("concurrency", 64, "cases in flight at once under Node (0 = all)")
	defaultRuns := flag.Int("default-runs", 5, "times to run the default suite")
	keep := flag.Bool("keep", false, "keep the generated cases (their directory is printed)")
	flag.Parse()
	if err := sideBySide(*n, *seed, *bin, *parallel, *nodeBin, *runJS, *conc, *defaultRuns, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "sidebyside:", err)
		os.Exit(1)
	}
}

func sideBySide(n int, seed uint64, bin string, parallel int, nodeBin, runJS string, conc, defaultRuns int, keep bool) error {
	tmp, err := os.MkdirTemp("", "bridge-bench-")
	if err != nil {
		return err
	}
	if keep {
		fmt.Fprintln(os.Stderr, "sidebyside: cases kept in", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}
	dir := filepath.Join(tmp, "cases")
	if _, err := gen.Write(dir, n, seed); err != nil {
		return err
	}
	cores := runtime.NumCPU()
	signNS, err := signTime()
	if err != nil {
		return err
	}

	fmt.Fprintf(os.Stderr, "sidebyside: bridge test on %d generated cases…\n", n)
	br, rep, err := runBridge(bin, dir, parallel)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "sidebyside: the same under Node…\n")
	nr, out, nodeSigs, err := runNode(nodeBin, runJS, dir, tmp, conc)
	if err != nil {
		return err
	}
	diffs := compare(rep, out)

	fmt.Fprintf(os.Stderr, "sidebyside: the default suite, %d runs…\n", defaultRuns)
	var walls []time.Duration
	for range defaultRuns {
		r, err := measure(bin, "test")
		if err != nil {
			return err
		}
		if r.exit != 0 {
			return fmt.Errorf("bridge test (default suite) exited %d", r.exit)
		}
		walls = append(walls, r.wall)
	}
	slices.Sort(walls)

	bridgeSigs := rep.signatures()
	floor := func(sigs int) time.Duration { return time.Duration(float64(sigs) * signNS / float64(cores)) }
	nodeWall := time.Duration(out.WallMS * float64(time.Millisecond))
	fmt.Printf("== side by side: %d generated cases (seed %d), %d cores ==\n", n, seed, cores)
	fmt.Printf("RSA-SHA1 sign (dghubble RSASigner, 2048-bit test key): %.0f ns/op\n", signNS)
	fmt.Printf("%-34s %10s %10s %12s %10s %10s %9s\n", "", "wall", "fetches/s", "signatures", "RSA floor", "÷ floor", "peak RSS")
	row := func(name string, wall time.Duration, sigs int, rssKiB int64) {
		rss := "-"
		if rssKiB > 0 {
			rss = fmt.Sprintf("%.0f MiB", float64(rssKiB)/1024)
		}
		fmt.Printf("%-34s %10s %10.0f %12d %10s %10.2f %9s\n", name, ms(wall), float64(n)/wall.Seconds(), sigs, ms(floor(sigs)),
			wall.Seconds()/floor(sigs).Seconds(), rss)
	}
	row(fmt.Sprintf("bridge test --parallel %d (process)", parallel), br.wall, bridgeSigs, br.rssKiB)
	row("node + oauth@0.10.2 (process)", nr.wall, nodeSigs, nr.rssKiB)
	row("node + oauth@0.10.2 (run.js loop)", nodeWall, nodeSigs, 0)
	fmt.Printf("ratio bridge/Node: %.2f against Node's process, %.2f against its loop alone (target ≤ 0.6)\n",
		br.wall.Seconds()/nr.wall.Seconds(), br.wall.Seconds()/nodeWall.Seconds())
	fmt.Printf("bridge vs RSA floor: %.2f (target ≤ 1.3); peak RSS %.0f MiB (target < 150 MiB)\n",
		br.wall.Seconds()/floor(bridgeSigs).Seconds(), float64(br.rssKiB)/1024)
	fmt.Printf("default suite (bin/bridge test, process start included): min %s, median %s over %d runs (target < 500 ms)\n",
		ms(walls[0]), ms(walls[len(walls)/2]), len(walls))

	fmt.Printf("bridge: %d passed, %d failed; Node: %d profiles, %d errors; fidelity: %d of %d cases differ\n",
		rep.Summary.Passed, rep.Summary.Failed, out.Profiles, out.Errors, len(diffs), n)
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

func ms(d time.Duration) string { return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond)) }
