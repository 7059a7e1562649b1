package script

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// console is the console global; it counts what the script printed to cut
// runaway output.
type console struct {
	h            *host
	consoleBytes int
	consoleCut   bool
}

// install provides console.log, info, warn, error, debug, trace and
// dir. Lines are captured per run (Result.Console) and redacted when the run
// ends; nothing goes to the process's own stdout or stderr.
func (con *console) install() {
	c := con.h.vm.NewObject()
	for _, level := range []string{"log", "info", "warn", "error", "debug", "trace", "dir"} {
		lv := level
		switch lv {
		case "trace":
			lv = "debug"
		case "dir":
			lv = "log"
		}
		_ = c.Set(level, func(call goja.FunctionCall) goja.Value {
			con.log(lv, con.format(call.Arguments))
			return goja.Undefined()
		})
	}
	_ = con.h.vm.Set("console", c)
}

// Console limits: a script logging in a loop must not fill the harness's memory.
const (
	maxConsoleLines = 2000
	maxConsoleBytes = 1 << 20
)

func (con *console) log(level, text string) {
	if con.consoleBytes >= maxConsoleBytes || len(con.h.res.Console) >= maxConsoleLines {
		if !con.consoleCut {
			con.consoleCut = true
			con.h.res.Console = append(con.h.res.Console, ConsoleLine{Level: "warn",
				Text: fmt.Sprintf("bridge: console output cut after %d lines / %d bytes", len(con.h.res.Console), con.consoleBytes)})
			con.stream()
		}
		return
	}
	con.consoleBytes += len(text)
	con.h.res.Console = append(con.h.res.Console, ConsoleLine{Level: level, Text: text})
	con.stream()
}

// format joins console arguments like Node's util.format: a leading string
// may carry %s %d %i %f %j %o %O %c %% directives; strings print bare, the
// rest as inspected values.
func (con *console) format(args []goja.Value) string {
	var parts []string
	if len(args) > 0 {
		if s, ok := args[0].Export().(string); ok && strings.Contains(s, "%") && len(args) > 1 {
			out, used := con.substitute(s, args[1:])
			parts = append(parts, out)
			args = args[1+used:]
		} else if ok {
			parts = append(parts, s)
			args = args[1:]
		}
	}
	for _, a := range args {
		if s, ok := a.Export().(string); ok {
			parts = append(parts, s)
		} else {
			parts = append(parts, con.inspect(a))
		}
	}
	return strings.Join(parts, " ")
}

func (con *console) substitute(f string, args []goja.Value) (string, int) {
	var b strings.Builder
	used := 0
	for i := 0; i < len(f); i++ {
		if f[i] != '%' || i+1 == len(f) {
			b.WriteByte(f[i])
			continue
		}
		verb := f[i+1]
		if verb == '%' {
			b.WriteByte('%')
			i++
			continue
		}
		if !strings.ContainsRune("sdifjoOc", rune(verb)) || used >= len(args) {
			b.WriteByte(f[i])
			continue
		}
		a := args[used]
		used++
		i++
		switch verb {
		case 's':
			if s, ok := a.Export().(string); ok {
				b.WriteString(s)
			} else {
				b.WriteString(con.inspect(a))
			}
		case 'd', 'i':
			n := a.ToFloat()
			if verb == 'i' {
				n = float64(int64(n))
			}
			b.WriteString(strconv.FormatFloat(n, 'f', -1, 64))
		case 'f':
			b.WriteString(strconv.FormatFloat(a.ToFloat(), 'f', -1, 64))
		case 'j':
			if s, err := con.h.stringify(a); err == nil {
				b.WriteString(s)
			} else {
				b.WriteString("[Circular]")
			}
		case 'o', 'O':
			b.WriteString(con.inspect(a))
		case 'c': // CSS: ignored, as in Node
		}
	}
	return b.String(), used
}

// inspect renders a non-string value: Errors by their stack, functions by
// name, other objects as JSON (the output of Node's util.inspect differs in
// layout, not in content).
func (con *console) inspect(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) {
		return "undefined"
	}
	if goja.IsNull(v) {
		return "null"
	}
	o, ok := v.(*goja.Object)
	if !ok {
		return v.String()
	}
	if _, fn := goja.AssertFunction(v); fn {
		name := o.Get("name")
		if name == nil || name.String() == "" {
			return "[Function (anonymous)]"
		}
		return fmt.Sprintf("[Function: %s]", name.String())
	}
	if con.h.isError(o) {
		if s := o.Get("stack"); s != nil && !goja.IsUndefined(s) {
			return con.h.cleanStack(s.String())
		}
		return o.String()
	}
	if s, err := con.h.stringify(v); err == nil && s != "" {
		return s
	}
	return o.String()
}
