package polyfill

import (
	_ "embed"
	"fmt"

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

// Install runs the polyfills of runtime ("node22" or "node18") in vm. Run it
// once, before the script, on a fresh runtime.
func Install(vm *goja.Runtime, runtime string) error {
	srcs, err := Sources(runtime)
	if err != nil {
		return err
	}
	for _, src := range srcs {
		if _, err := vm.RunString(src); err != nil {
			return fmt.Errorf("polyfill %s: %w (this is a bug in bridge)", runtime, err)
		}
	}
	return nil
}
