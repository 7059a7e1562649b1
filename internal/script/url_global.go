package script

import (
	"net/url"

	"github.com/dop251/goja"
	nodeurl "github.com/dop251/goja_nodejs/url"
)

// urlGlobal is Node's WHATWG URL and URLSearchParams globals, goja_nodejs's
// implementation (url package), loaded without goja_nodejs's require
// registry, so that nothing reads the disk. Where it departs from Node
// (node-verified rows in globals_diff_test.go) it is put right here: a
// relative input is resolved against the base as RFC 3986 does
// (goja_nodejs makes "../x" absolute first), origin keeps the port, every
// getter sees changes made through searchParams, and an invalid input
// throws Node's "TypeError: Invalid URL" (ERR_INVALID_URL, with input).
type urlGlobal struct{ h *host }

const urlFixJS = `(function(Orig, resolve) {
  // goja_nodejs's accessors are not configurable: the fixed ones live on a
  // prototype in front of its own.
  var O = Orig.prototype, P = Object.create(O);
  Object.getOwnPropertyNames(O).forEach(function(k) {
    var d = Object.getOwnPropertyDescriptor(O, k);
    if (!d.get || k === 'searchParams') return;
    var get = d.get;
    Object.defineProperty(P, k, {configurable: true, enumerable: true, set: d.set,
      get: function() { O.toString.call(this); return get.call(this); }}); // syncs searchParams into the query
  });
  Object.defineProperty(P, 'origin', {configurable: true, enumerable: true, get: function() {
    var p = this.protocol;
    return /^(https?|wss?|ftp):$/.test(p) ? p + '//' + this.host : 'null';
  }});
  function invalid(input, e) {
    if (!e || e.code !== 'ERR_INVALID_URL') return e;
    var err = new TypeError('Invalid URL');
    err.code = 'ERR_INVALID_URL';
    err.input = input;
    return err;
  }
  function URL(input, base) {
    if (!new.target) throw new TypeError("Class constructor URL cannot be invoked without 'new'");
    input = String(input);
    var args = [input];
    try {
      if (base !== undefined) {
        Reflect.construct(Orig, [String(base)]); // a bad base throws as Node does
        args = [resolve(String(base), input)];
      }
      return Reflect.construct(Orig, args, new.target);
    } catch (e) { throw invalid(input, e); }
  }
  URL.prototype = P;
  Object.defineProperty(P, 'constructor', {value: URL, writable: true, configurable: true, enumerable: false});
  return URL;
})`

var urlFixPrg = goja.MustCompile("node:internal/url", urlFixJS, false)

func (g *urlGlobal) install() {
	vm := g.h.vm
	module := vm.NewObject()
	exports := vm.NewObject()
	_ = module.Set("exports", exports)
	nodeurl.Require(vm, module)
	v, err := vm.RunProgram(urlFixPrg)
	if err != nil {
		panic(err)
	}
	fix, _ := goja.AssertFunction(v)
	resolve := vm.ToValue(func(base, ref string) string {
		b, err := url.Parse(base)
		r, err2 := url.Parse(ref)
		if err != nil || err2 != nil {
			return ref
		}
		return b.ResolveReference(r).String()
	})
	u, err := fix(goja.Undefined(), exports.Get("URL"), resolve)
	if err != nil {
		panic(err)
	}
	_ = vm.Set("URL", u)
	_ = vm.Set("URLSearchParams", exports.Get("URLSearchParams"))
}

// bytesOf reads the bytes of an ArrayBuffer, a TypedArray or a DataView
// (a view's own window of its buffer; writes to the slice show in JS), or
// ok false.
func bytesOf(vm *goja.Runtime, v goja.Value) (b []byte, ok bool) {
	o, isObj := v.(*goja.Object)
	if !isObj {
		return nil, false
	}
	if ab, isAB := o.Export().(goja.ArrayBuffer); isAB {
		return ab.Bytes(), true
	}
	buf, isBuf := o.Get("buffer").(*goja.Object)
	if !isBuf {
		return nil, false
	}
	ab, isAB := buf.Export().(goja.ArrayBuffer)
	if !isAB {
		return nil, false
	}
	off, n := o.Get("byteOffset"), o.Get("byteLength")
	if off == nil || n == nil {
		return nil, false
	}
	all := ab.Bytes()
	start, end := off.ToInteger(), off.ToInteger()+n.ToInteger()
	if start < 0 || end > int64(len(all)) || start > end {
		return nil, false
	}
	return all[start:end], true
}

// newUint8Array is new Uint8Array(b), over b itself.
func newUint8Array(vm *goja.Runtime, b []byte) goja.Value {
	ctor, _ := goja.AssertConstructor(vm.Get("Uint8Array"))
	o, err := ctor(nil, vm.ToValue(vm.NewArrayBuffer(b)))
	if err != nil {
		panic(err)
	}
	return o
}
