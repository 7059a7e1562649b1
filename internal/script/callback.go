package script

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/dop251/goja"
)

// outcomeOf reads the arguments of the first cb: a truthy err is a callback
// failure, as Auth0 (Node convention) treats it; otherwise the profile is
// serialized at once, as JSON.stringify makes it.
func (r *runner) outcomeOf(call goja.FunctionCall) *Result {
	errArg := call.Argument(0)
	if errArg.ToBoolean() {
		e := r.describeCallbackError(errArg)
		return &Result{Outcome: KindCallback, Error: e}
	}
	profile := call.Argument(1)
	if goja.IsUndefined(profile) || goja.IsNull(profile) {
		return &Result{Outcome: KindCallback, Error: &Error{Kind: KindCallback,
			Message: "cb was called without an error and without a profile (cb(null, profile) expected)"}}
	}
	text, err := r.h.stringify(profile)
	if isStop(err) {
		panic(err) // the export ran out of time or memory: the run ends so
	}
	if err != nil {
		return &Result{Outcome: KindException, Error: &Error{Kind: KindException,
			Message: "the profile cannot be turned into JSON: " + err.Error()}}
	}
	if text == "" {
		return &Result{Outcome: KindCallback, Error: &Error{Kind: KindCallback,
			Message: fmt.Sprintf("cb was called with a profile JSON cannot represent (%s)", profile.ExportType())}}
	}
	return &Result{Outcome: KindProfile, Profile: json.RawMessage(text)}
}

// describeCallbackError shows an err given to cb. An Error keeps its name,
// message, stack and own properties (code, statusCode); a plain object such as
// node-oauth's {statusCode, data} (docs/node-oauth.md) is kept as it is.
func (r *runner) describeCallbackError(v goja.Value) *Error {
	e := &Error{Kind: KindCallback}
	obj, isObj := v.(*goja.Object)
	if isObj && r.h.isError(obj) {
		e.Message = obj.String()
		stack := ""
		if s := obj.Get("stack"); s != nil && !goja.IsUndefined(s) {
			stack = s.String()
		}
		name, message := obj.Get("name").String(), obj.Get("message").String()
		// goja's wording becomes V8's (v8errors.go): in the message, the
		// stack's first line and Value's message alike.
		if v8 := r.h.v8Stacked(e.Message, stack); v8 != e.Message {
			stack = strings.Replace(stack, e.Message, v8, 1)
			message = strings.TrimPrefix(v8, name+": ")
			e.Message = v8
		}
		if stack != "" {
			e.Stack = r.h.cleanStack(stack)
		}
		fields := map[string]any{"name": name, "message": message}
		for _, k := range obj.Keys() {
			// Each property as JSON.stringify writes it (interruptible; Export
			// would walk a DAG without end); one it omits or cannot write is left out.
			text, err := r.h.stringify(obj.Get(k))
			if isStop(err) {
				panic(err)
			}
			if err == nil && text != "" {
				fields[k] = json.RawMessage(text)
			}
		}
		if b, err := marshalJSON(fields); err == nil {
			e.Value = b
		} else if text, err := r.h.stringify(v); err == nil && text != "" {
			e.Value = json.RawMessage(text)
		}
		return e
	}
	text, err := r.h.stringify(v)
	if err != nil || text == "" {
		e.Message = v.String()
		return e
	}
	e.Value = json.RawMessage(text)
	if isObj {
		e.Message = "cb got a non-Error value: " + snippet(text, 300)
		if sc := obj.Get("statusCode"); sc != nil && !goja.IsUndefined(sc) {
			e.Message = fmt.Sprintf("cb got node-oauth's error object: HTTP %s: %s", sc.String(), snippet(strings.TrimSpace(obj.Get("data").String()), 300))
		}
		return e
	}
	e.Message = v.String()
	return e
}

func instanceOf(vm *goja.Runtime, o, ctor *goja.Object) (ok bool) {
	defer func() {
		if v := recover(); v != nil {
			repanicStop(v)
			ok = false
		}
	}()
	return o.Get("constructor") != nil && vm.InstanceOf(o, ctor)
}

// errorOf maps what a JS call or the loop returned to a failure, or nil when
// the run was only stopped after its first cb.
func (r *runner) errorOf(err error, reason *stopReason) *Error {
	var own *Error
	var interrupted *goja.InterruptedError
	var overflow *goja.StackOverflowError
	var ex *goja.Exception
	switch {
	case errors.As(err, &own):
		return own
	case errors.As(err, &interrupted):
		rs, _ := interrupted.Value().(*stopReason)
		if rs == nil {
			rs = reason
		}
		if rs == nil || rs.kind == "" || rs.kind == KindDoubleCallback {
			return nil
		}
		if rs.kind == KindTimeout {
			msg := r.timeoutMessage()
			if rs.why != "" {
				msg = rs.why + "; " + msg
			}
			return &Error{Kind: KindTimeout, Message: msg + " (the script was still running JavaScript: an endless loop?)",
				Stack: r.h.formatFrames(interrupted.Stack())}
		}
		return &Error{Kind: rs.kind, Message: rs.why, Stack: r.h.formatFrames(interrupted.Stack())}
	case errors.As(err, &overflow):
		// Node throws a catchable RangeError; goja's overflow cannot be caught (doc.go).
		return &Error{Kind: KindException,
			Message: "RangeError: Maximum call stack size exceeded (endless recursion? In the bridge this cannot be caught)",
			Stack:   r.h.formatFrames(firstFrames(overflow.Stack(), 12))}
	case errors.As(err, &ex):
		msg, stop := r.thrownText(ex)
		if stop != nil {
			return r.errorOf(stop, reason)
		}
		return &Error{Kind: KindException, Message: msg, Stack: r.h.formatFrames(ex.Stack())}
	}
	return &Error{Kind: KindException, Message: err.Error()}
}

// thrownText is the message of an uncaught throw: an Error's String(e) in
// V8's words, anything else as JSON ("Uncaught {…}") or its text. The
// script's toString and toJSON may run here; when they throw, the plain
// name is used, and when they are interrupted (or overflow the stack) that
// error is returned instead.
func (r *runner) thrownText(ex *goja.Exception) (string, error) {
	val := ex.Value()
	if o, ok := val.(*goja.Object); ok && r.h.isError(o) {
		text, err := r.h.toText(o)
		var inner *goja.Exception
		switch {
		case err == nil:
			return missingGlobalNote(r.h.v8Exception(text, ex.Stack())), nil
		case !errors.As(err, &inner):
			return "", err
		}
		// Node prints an uncaught Error by its stack: its first line then.
		var first string
		if r.h.guarded(func() {
			if st := o.Get("stack"); st != nil && !goja.IsUndefined(st) {
				first, _, _ = strings.Cut(st.String(), "\n")
			}
		}) == nil && first != "" {
			return missingGlobalNote(r.h.v8Exception(first, ex.Stack())), nil
		}
		return "Uncaught " + o.ClassName() + " (its toString threw)", nil
	}
	text, err := r.h.stringify(val)
	if err == nil && text != "" {
		return "Uncaught " + text, nil
	}
	if isStop(err) {
		return "", err
	}
	text, err = r.h.toText(val)
	if err != nil {
		if isStop(err) {
			return "", err
		}
		return "Uncaught exception (its toString threw)", nil
	}
	return "Uncaught " + text, nil
}

// isStop reports whether err is an interrupt or a stack overflow: the run
// is stopping, not the script throwing.
func isStop(err error) bool {
	var interrupted *goja.InterruptedError
	var overflow *goja.StackOverflowError
	return errors.As(err, &interrupted) || errors.As(err, &overflow)
}

func snippet(s string, n int) string {
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// marshalJSON encodes v as JSON.stringify would write it: without Go's HTML
// escaping of &, < and > (which json.Marshal turns into \u0026 and so on).
func marshalJSON(v any) (json.RawMessage, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return json.RawMessage(bytes.TrimSuffix(b.Bytes(), []byte("\n"))), nil
}
