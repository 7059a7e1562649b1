package script

import (
	"strings"

	"github.com/dop251/goja"
)

// rejections tracks promises rejected with no handler, and the error a
// queueMicrotask callback threw, to end the run as Node would.
type rejections struct {
	h        *host
	rejected []*goja.Promise // rejected with no handler yet
	uncaught goja.Value      // thrown by a queueMicrotask callback (node_globals.go)
}

// Unhandled promise rejections. Node (15 and later, so 18 and 22) runs with --unhandled-rejections=throw:
// a promise rejected with no handler once the microtasks of a callback have
// run is raised as an uncaught exception (lib/internal/process/promises.js).
// goja drops such rejections silently, so an async script that throws
// would look like one that forgot to call cb. The tracker below records
// them and the loop checks after every callback, as Node does.

// trackRejections installs the tracker on the runtime.
func (rj *rejections) trackRejections() {
	rj.h.vm.SetPromiseRejectionTracker(func(p *goja.Promise, op goja.PromiseRejectionOperation) {
		switch op {
		case goja.PromiseRejectionReject:
			rj.rejected = append(rj.rejected, p)
		case goja.PromiseRejectionHandle:
			for i, q := range rj.rejected {
				if q == p {
					rj.rejected = append(rj.rejected[:i:i], rj.rejected[i+1:]...)
					break
				}
			}
		}
	})
}

// unhandledRejection returns the failure for the first promise still
// rejected without a handler, or nil. It is called after each callback,
// when goja has run the microtasks.
func (rj *rejections) unhandledRejection() error {
	if v := rj.uncaught; v != nil { // a queueMicrotask callback threw: uncaught, not a rejection
		rj.uncaught = nil
		return rj.thrownError(v, "Uncaught "+rj.noSideEffectsToString(v), "")
	}
	if len(rj.rejected) == 0 {
		return nil
	}
	reason := rj.rejected[0].Result()
	rj.rejected = nil
	return rj.thrownError(reason, "UnhandledPromiseRejection: This error originated either by throwing inside of an async function "+
		"without a catch block, or by rejecting a promise which was not handled with .catch(). "+
		`The promise rejected with the reason "`+rj.noSideEffectsToString(reason)+`".`,
		" (an unhandled promise rejection: Node ends the process)")
}

// thrownError is the exception for a value thrown where the loop, not JS,
// catches it: an Error as it is, with its own stack (Node rethrows it);
// anything else with the message given.
func (rj *rejections) thrownError(v goja.Value, nonError, note string) *Error {
	e := &Error{Kind: KindException, Message: nonError}
	if o, ok := v.(*goja.Object); ok && rj.h.isError(o) {
		stack := ""
		if s := o.Get("stack"); s != nil && !goja.IsUndefined(s) {
			stack = s.String()
			e.Stack = stackFrames(rj.h.cleanStack(stack))
		}
		// V8's words, as for an uncaught throw (v8errors.go): an async
		// function's TypeError reaches here as a rejection reason.
		e.Message = missingGlobalNote(rj.h.v8Stacked(o.String(), stack))
	}
	e.Message += note
	return e
}

// noSideEffectsToString is how Node names a non-Error reason: strings and
// other primitives as they are, objects as #<Constructor>.
func (rj *rejections) noSideEffectsToString(v goja.Value) string {
	o, ok := v.(*goja.Object)
	if !ok {
		return v.String()
	}
	name := "Object"
	if c, ok := o.Get("constructor").(*goja.Object); ok {
		if n := c.Get("name"); n != nil && n.String() != "" {
			name = n.String()
		}
	}
	return "#<" + name + ">"
}

// stackFrames drops an Error's stack's message lines, keeping the "at" frames.
func stackFrames(stack string) string {
	if i := strings.Index(stack, "    at "); i >= 0 {
		return stack[i:]
	}
	if i := strings.Index(stack, "at "); i >= 0 {
		return "    " + stack[i:]
	}
	return stack
}
