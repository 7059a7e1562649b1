package script

import (
	"errors"

	"github.com/dop251/goja"
)

// The host helpers that call into JS and back.

// callMethod calls this[name](args...) through JS, so that a script's patch of
// the method is honoured as under Node.
func (h *host) callMethod(this *goja.Object, name string, args ...goja.Value) goja.Value {
	fn, ok := goja.AssertFunction(this.Get(name))
	if !ok {
		panic(h.nodeError("TypeError", "this."+name+" is not a function", nil))
	}
	v, err := fn(this, args...)
	if err != nil {
		panic(err)
	}
	return v
}

// later runs job on the loop after the current one, as a Node nextTick would.
func (h *host) later(job func() error) {
	enqueue := h.loop.RegisterCallback()
	go enqueue(job)
}

// catchNodeError runs f and returns the JavaScript error it panicked with
// (a Node TypeError from requestLine or validateHeaders), or nil.
func (h *host) catchNodeError(f func()) (e *goja.Object) {
	defer func() {
		if v := recover(); v != nil {
			o, ok := v.(*goja.Object)
			if !ok {
				panic(v)
			}
			e = o
		}
	}()
	f()
	return nil
}

// isError reports whether o is an instance of the runtime's Error.
func (h *host) isError(o *goja.Object) bool {
	ctor, ok := h.vm.Get("Error").(*goja.Object)
	if !ok {
		return false
	}
	return instanceOf(h.vm, o, ctor)
}

// stringify is the runtime's JSON.stringify; "" when it returns undefined.
func (h *host) stringify(v goja.Value) (string, error) {
	fn, _ := goja.AssertFunction(h.vm.Get("JSON").ToObject(h.vm).Get("stringify"))
	out, err := fn(goja.Undefined(), v)
	if err != nil {
		var ex *goja.Exception
		if errors.As(err, &ex) {
			text, terr := h.toText(ex.Value())
			if terr != nil {
				if isStop(terr) {
					return "", terr
				}
				text = "an exception whose toString threw"
			}
			return "", errors.New(text)
		}
		return "", err
	}
	if goja.IsUndefined(out) {
		return "", nil
	}
	return out.String(), nil
}
