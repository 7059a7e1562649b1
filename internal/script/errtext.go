package script

import (
	"errors"
	"fmt"
	"runtime"
	"time"

	"github.com/dop251/goja"
)

// Turning JavaScript values into the text of a Result: String(v) runs the
// script's own toString, which may throw, return an object ("Cannot convert
// object to primitive value", V8's words, internal/v8) or loop until the run
// is stopped. Every such call made from Go goes through guarded, so that a
// throw or an interrupt comes back as an error instead of a Go panic, and
// nothing of goja's Go values (&{…}, 0x…, *goja.…) reaches a message.

// String is how a stop reason prints if it ever reaches a message through
// goja's InterruptedError: its kind, never the Go struct.
func (s *stopReason) String() string {
	if s == nil || s.kind == "" {
		return "stopped"
	}
	return string(s.kind)
}

// guarded runs f as if it were a JavaScript call: a throw (a goja value, an
// *Exception) or an interrupt comes back as the error goja's Callable returns
// (*goja.Exception, *goja.InterruptedError, *goja.StackOverflowError). Go
// runtime panics are not script-made: they still panic.
func (h *host) guarded(f func()) error {
	fn, _ := goja.AssertFunction(h.vm.ToValue(func(goja.FunctionCall) goja.Value {
		f()
		return goja.Undefined()
	}))
	_, err := fn(goja.Undefined())
	return err
}

// toText is String(v), guarded.
func (h *host) toText(v goja.Value) (s string, err error) {
	if v == nil {
		return "undefined", nil
	}
	if _, isObj := v.(*goja.Object); !isObj {
		return v.String(), nil // a primitive's text calls no script code
	}
	err = h.guarded(func() { s = v.String() })
	return s, err
}

// settleGrace bounds the script code (toString, toJSON) that settling a run
// may call after the run was stopped: it is interrupted again after this.
const settleGrace = time.Second

// rearm interrupts the runtime again after settleGrace when the run was
// already stopped, so that a toString called while settling cannot run
// forever; the returned func disarms it.
func (r *runner) rearm(reason *stopReason) func() {
	if reason == nil {
		return func() {}
	}
	t := time.AfterFunc(settleGrace, func() { r.h.vm.Interrupt(reason) })
	return func() { t.Stop() }
}

// recovered turns what a Run recovered into a failure: a goja throw or
// interrupt that escaped through Go code is the script's (an exception, a
// timeout, memory); only a Go runtime error is the bridge's own bug.
func (r *runner) recovered(v any) (e *Error) {
	switch x := v.(type) {
	case runtime.Error:
	case *goja.InterruptedError:
		return r.errorOfSafe(x)
	case *goja.StackOverflowError:
		return r.errorOfSafe(x)
	case *goja.Exception:
		return r.errorOfSafe(x)
	case goja.Value:
		if r.h.vm != nil {
			return r.errorOfSafe(r.h.exceptionOf(x))
		}
	}
	return failure(KindException, "bridge: internal error while running the script: %v (please report it)", v)
}

// errorOfSafe is errorOf for an error recovered from a panic: if describing
// it panics again, the kind and a plain message are kept.
func (r *runner) errorOfSafe(err error) (e *Error) {
	defer func() {
		if v := recover(); v != nil {
			e = &Error{Kind: KindException, Message: "Uncaught exception (its text could not be read)"}
		}
	}()
	r.h.vm.ClearInterrupt()
	reason := r.stopReason()
	defer r.rearm(reason)()
	if e = r.errorOf(err, reason); e == nil {
		e = &Error{Kind: KindException, Message: "Uncaught exception after cb"}
	}
	if e.Kind == KindTimeout && e.Message == "" {
		e.Message = r.timeoutMessage()
	}
	return e
}

// exceptionOf throws v in the VM to get a *goja.Exception with a stack.
func (h *host) exceptionOf(v goja.Value) error {
	err := h.guarded(func() { panic(v) })
	var ex *goja.Exception
	if errors.As(err, &ex) {
		return ex
	}
	if err == nil {
		return fmt.Errorf("uncaught exception")
	}
	return err
}

// repanicStop panics again with v when it is an interrupt or a stack
// overflow: a recover that swallows those would let a stopped script run on.
func repanicStop(v any) {
	switch v.(type) {
	case *goja.InterruptedError, *goja.StackOverflowError:
		panic(v)
	}
}
