package util

import (
	_ "embed"
	"fmt"

	"github.com/dop251/goja"

	"github.com/jira-auth0-bridge/bridge/internal/inspect"
)

//go:embed util.js
var source string

// Require returns the exports of require('util') for vm, whose format and
// inspect are in's (the same formatter console.log uses).
func Require(vm *goja.Runtime, in *inspect.Inspector) (*goja.Object, error) {
	fn, err := vm.RunString("(function (format, inspect, kindOf) {\n" + source + "\n})")
	if err != nil {
		return nil, fmt.Errorf("util: compile emulation: %w (this is a bug in bridge)", err)
	}
	call, _ := goja.AssertFunction(fn)
	res, err := call(goja.Undefined(), in.FormatFunc(), in.InspectFunc(), in.KindFunc())
	if err != nil {
		return nil, fmt.Errorf("util: init emulation: %w (this is a bug in bridge)", err)
	}
	return res.ToObject(vm), nil
}
