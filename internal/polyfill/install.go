package polyfill

import (
	_ "embed"
	"fmt"
	"sync"

	"github.com/dop251/goja"
)

//go:embed es2024.js
var es2024 string

//go:embed wellformed.js
var wellFormed string

//go:embed locale.js
var locale string

//go:embed node18.js
var node18 string

// Runtimes lists the runtime names Install accepts.
var Runtimes = []string{"node22", "node18"}

// Sources returns the JS programs that make vm's built-ins those of runtime,
// in the order they must run.
func Sources(runtime string) ([]string, error) {
	switch runtime {
	case "node22":
		// Node 22: groupBy (V8 11.7), withResolvers (V8 12.1), well-formed
		// strings (V8 11.1); see docs/node-runtime.md "Built-ins".
		return []string{es2024, wellFormed, locale}, nil
	case "node18":
		return []string{locale, node18}, nil
	}
	return nil, fmt.Errorf("polyfill: unknown runtime %q: use node22 or node18", runtime)
}

// programs holds each runtime's polyfills compiled once per process: a
// goja.Program may run on many runtimes, and compiling them for every run
// cost a tenth of a run.
var programs sync.Map // runtime -> []*goja.Program

// compiled returns runtime's polyfills, compiled.
func compiled(runtime string) ([]*goja.Program, error) {
	if p, ok := programs.Load(runtime); ok {
		return p.([]*goja.Program), nil
	}
	srcs, err := Sources(runtime)
	if err != nil {
		return nil, err
	}
	prgs := make([]*goja.Program, len(srcs))
	for i, src := range srcs {
		if prgs[i], err = goja.Compile("node:internal/bridge-polyfill", src, false); err != nil {
			return nil, fmt.Errorf("polyfill %s: %w (this is a bug in bridge)", runtime, err)
		}
	}
	programs.Store(runtime, prgs)
	return prgs, nil
}

// Install runs the polyfills of runtime ("node22" or "node18") in vm. Run it
// once, before the script, on a fresh runtime.
func Install(vm *goja.Runtime, runtime string) error {
	prgs, err := compiled(runtime)
	if err != nil {
		return err
	}
	for _, prg := range prgs {
		if _, err := vm.RunProgram(prg); err != nil {
			return fmt.Errorf("polyfill %s: %w (this is a bug in bridge)", runtime, err)
		}
	}
	return nil
}
