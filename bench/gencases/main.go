// Command gencases writes a large generated suite of test cases for
// `bridge test --cases DIR`: Server and Cloud users of many shapes
// and JIRA faults, each with its exact expectation for the shipped script.
// See bench/gen for what is generated and how the expectations are made.
//
//	go run ./bench/gencases -n 1000 -seed 7 -out /tmp/cases
//	bin/bridge test --cases /tmp/cases
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/jira-auth0-bridge/bridge/bench/gen"
)

func main() {
	n := flag.Int("n", 1000, "how many cases")
	seed := flag.Uint64("seed", gen.DefaultSeed, "random seed: the same seed writes the same cases")
	out := flag.String("out", "", "directory to write the cases into (new or empty; required)")
	flag.Parse()
	if *out == "" || *n < 1 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gencases [-n 1000] [-seed 7] -out DIR")
		os.Exit(2)
	}
	files, err := gen.Write(*out, *n, *seed)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencases:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "gencases: %d cases in %s\n", len(files), *out)
}
