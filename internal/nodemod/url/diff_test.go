package url

import (
	"testing"

	"github.com/dop251/goja"

	"github.com/jira-auth0-bridge/bridge/internal/nodediff"
	"github.com/jira-auth0-bridge/bridge/internal/nodemod/querystring"
)

var rows = []string{
	`JSON.stringify(url.parse('http://user:pa ss@Host.COM:8080/p/a/t/h?query=string#hash'))`,
	`JSON.stringify(url.parse('/p?x=1'))`,
	`JSON.stringify(url.parse('mailto:a@b.c'))`,
	`JSON.stringify(url.parse('http://a.com'))`,
	`JSON.stringify(url.parse('  HTTP://x.com\\a\\b?c\\d  '))`,
	`JSON.stringify(url.parse('//x.com/a')) + JSON.stringify(url.parse('//x.com/a', false, true))`,
	`JSON.stringify(url.parse('http://[::1]:3000/x'))`,
	`JSON.stringify(url.parse('http://a@b@c/'))`,
	`JSON.stringify(url.parse('http://x.com/a b<c>'))`,
	`var u = url.parse('https://jira.example.com/rest/api/2/myself?expand=groups&x=1&x=2', true); JSON.stringify(u.query) + u.path + (u instanceof url.Url)`,
	`JSON.stringify(url.parse('https://idp.example.com/userinfo#'))`,
	`var e; try { url.parse(42); } catch (x) { e = [x.name, x.code, x.message]; } e`,
	`url.format({ protocol: 'https', hostname: 'example.com', pathname: '/some/path', query: { page: 1, format: 'json' } })`,
	`url.format({ protocol: 'http:', host: 'a.com:80', auth: 'u@x:p w', pathname: 'p#q?', search: 'a=#', hash: 'h' })`,
	`url.format('http://A.com/x?y') + ' ' + url.format({ protocol: 'file', pathname: '/tmp' }) + ' ' + url.format({ protocol: 'mailto', pathname: 'a@b' })`,
	`url.format(new URL('https://a.com/b?c=d#e'))`,
	`url.resolve('http://example.com', 'one') + ' ' + url.resolve('http://example.com/one', '/two')`,
	`url.resolve('/one/two/three', 'four') + ' ' + url.resolve('http://a.com/b/c', '../d?x#y')`,
	`url.resolve('https://a.com/b/c?q', '?r') + ' ' + url.resolve('https://a.com/b/c', '#f') + ' ' + url.resolve('https://a.com/b', '//cdn.x/y')`,
	`url.resolve('https://a.com/b/c/d', './../../e/./f') + ' ' + url.resolve('http://a.com/', 'https://b.com/z')`,
	`var u = new url.URL('https://a.com:8443/p?x=1&y=2#h'); [u.host, u.pathname, u.searchParams.get('y'), String(new url.URLSearchParams({ a: 'b c' }))]`,
}

func newVM(t *testing.T) func(string) *goja.Runtime {
	return func(string) *goja.Runtime {
		vm := goja.New()
		qs, err := querystring.Require(vm)
		if err != nil {
			t.Fatal(err)
		}
		exports, err := Require(vm, qs)
		if err != nil {
			t.Fatal(err)
		}
		_ = vm.Set("URL", exports.Get("URL"))
		_ = vm.Set("require", func(string) goja.Value { return exports })
		return vm
	}
}

func TestDifferential(t *testing.T) {
	nodediff.Compare(t, "var url = require('url')", newVM(t), rows)
}
