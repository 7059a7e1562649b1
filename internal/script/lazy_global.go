package script

import "github.com/dop251/goja"

// lazyGlobal installs a global on first use. Until then each of its names is
// an accessor on the global object, with Node's enumerability, whose getter
// installs the whole global and whose setter makes the name an ordinary
// property with the value set. Node defines many of its globals the same way
// (lib/internal/bootstrap: exposeLazyInterfaces and defineLazyProperties;
// under Node 18 Headers, TextEncoder, structuredClone and others are
// accessors for good, docs/node-runtime.md "Lazy globals"). Most scripts
// never touch fetch, Buffer or URL, and building them was most of a run's
// set-up.
//
// Once installed, each name is a data property (writable, configurable,
// enumerable as Node has it). A name the script assigned, redefined or
// deleted before the install keeps what the script made of it.
type lazyGlobal struct {
	h     *host
	inner global
	names []lazyName

	getters    []*goja.Object
	gopd       goja.Callable // Object.getOwnPropertyDescriptor, as it was before the script ran
	define     goja.Callable // Object.defineProperty, likewise
	done       bool
	installing bool
	stashed    []goja.Value // what the install set through a lazy accessor it could not remove
}

// lazyName is one property a lazy global defines, with its enumerability
// under Node (Object.getOwnPropertyDescriptor(globalThis, name).enumerable).
type lazyName struct {
	name       string
	enumerable bool
}

func lazy(h *host, inner global, names ...lazyName) *lazyGlobal {
	return &lazyGlobal{h: h, inner: inner, names: names}
}

func (l *lazyGlobal) install() {
	vm := l.h.vm
	object := vm.Get("Object").ToObject(vm)
	l.gopd, _ = goja.AssertFunction(object.Get("getOwnPropertyDescriptor"))
	l.define, _ = goja.AssertFunction(object.Get("defineProperty"))
	glob := vm.GlobalObject()
	for _, n := range l.names {
		n := n
		i := len(l.getters)
		get := vm.ToValue(func(goja.FunctionCall) goja.Value {
			l.materialize()
			return l.value(i)
		}).ToObject(vm)
		set := vm.ToValue(func(call goja.FunctionCall) goja.Value {
			if l.installing { // the global object is frozen: the accessor stayed
				l.stashed[i] = call.Argument(0)
				return goja.Undefined()
			}
			_ = glob.DefineDataProperty(n.name, call.Argument(0), goja.FLAG_TRUE, goja.FLAG_TRUE, flagOf(n.enumerable))
			return goja.Undefined()
		})
		l.getters = append(l.getters, get)
		_ = glob.DefineAccessorProperty(n.name, get, set, goja.FLAG_TRUE, flagOf(n.enumerable))
	}
}

// materialize runs the inner install once. Names still holding their lazy
// accessor become the installed values; the others are put back as the
// script left them (absent, or with the script's own descriptor).
func (l *lazyGlobal) materialize() {
	if l.done {
		return
	}
	l.done = true
	vm, glob := l.h.vm, l.h.vm.GlobalObject()
	l.stashed = make([]goja.Value, len(l.names))
	kept := make([]goja.Value, len(l.names)) // nil: still lazy
	for i, n := range l.names {
		d := l.descriptor(n.name)
		if d == nil {
			continue
		}
		if l.isLazy(i, d) {
			_ = glob.Delete(n.name)
			continue
		}
		kept[i] = d
	}
	l.installing = true
	l.inner.install()
	l.installing = false
	for i, n := range l.names {
		switch {
		case kept[i] == nil:
			_ = glob.DefineDataProperty(n.name, l.value(i), goja.FLAG_TRUE, goja.FLAG_TRUE, flagOf(n.enumerable))
		case goja.IsUndefined(kept[i]):
			_ = glob.Delete(n.name)
		default:
			_, _ = l.define(goja.Undefined(), glob, vm.ToValue(n.name), kept[i])
		}
	}
}

// value is name i's installed value, read without calling a lazy accessor
// (which would call value again).
func (l *lazyGlobal) value(i int) goja.Value {
	if l.stashed[i] != nil {
		return l.stashed[i]
	}
	d := l.descriptor(l.names[i].name)
	switch {
	case d == nil || goja.IsUndefined(d):
		return goja.Undefined()
	case l.isLazy(i, d):
		return goja.Undefined()
	}
	o := d.ToObject(l.h.vm)
	if o.Get("get") != nil && !goja.IsUndefined(o.Get("get")) {
		return l.h.vm.GlobalObject().Get(l.names[i].name) // the script's own getter
	}
	return o.Get("value")
}

// descriptor is the global's own property descriptor for name (undefined
// when there is none), or nil when it cannot be read.
func (l *lazyGlobal) descriptor(name string) goja.Value {
	d, err := l.gopd(goja.Undefined(), l.h.vm.GlobalObject(), l.h.vm.ToValue(name))
	if err != nil {
		return nil
	}
	return d
}

// isLazy tells whether descriptor d is still name i's lazy accessor.
func (l *lazyGlobal) isLazy(i int, d goja.Value) bool {
	o, ok := d.(*goja.Object)
	if !ok {
		return false
	}
	get := o.Get("get")
	return get != nil && get.SameAs(l.getters[i])
}

func flagOf(b bool) goja.Flag {
	if b {
		return goja.FLAG_TRUE
	}
	return goja.FLAG_FALSE
}
