package url

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/dop251/goja"
	nodeurl "github.com/dop251/goja_nodejs/url"
)

//go:embed parse.js
var parseJS string

//go:embed host.js
var hostJS string

//go:embed format.js
var formatJS string

//go:embed resolve.js
var resolveJS string

// Require returns the exports of require('url') for vm. querystring is the
// exports of require('querystring') (url.parse(s, true) parses the query
// with it). URL and URLSearchParams are vm's globals when the runtime
// already defines them, so that require('url').URL === URL as in Node;
// otherwise goja_nodejs's classes.
func Require(vm *goja.Runtime, querystring *goja.Object) (*goja.Object, error) {
	urlClass, paramsClass := vm.Get("URL"), vm.Get("URLSearchParams")
	if urlClass == nil || goja.IsUndefined(urlClass) || paramsClass == nil || goja.IsUndefined(paramsClass) {
		module := vm.NewObject()
		nodeExports := vm.NewObject()
		_ = module.Set("exports", nodeExports)
		nodeurl.Require(vm, module)
		urlClass, paramsClass = nodeExports.Get("URL"), nodeExports.Get("URLSearchParams")
	}
	src := "(function (qs, URLClass) {\n" + strings.Join([]string{parseJS, hostJS, formatJS, resolveJS}, "\n") + "\n})"
	fn, err := vm.RunString(src)
	if err != nil {
		return nil, fmt.Errorf("url: compile emulation: %w (this is a bug in bridge)", err)
	}
	call, _ := goja.AssertFunction(fn)
	res, err := call(goja.Undefined(), querystring, urlClass)
	if err != nil {
		return nil, fmt.Errorf("url: init emulation: %w (this is a bug in bridge)", err)
	}
	exports := res.ToObject(vm)
	_ = exports.Set("URL", urlClass)
	_ = exports.Set("URLSearchParams", paramsClass)
	return exports, nil
}
