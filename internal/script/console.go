package script

import (
	"fmt"

	"github.com/dop251/goja"
)

// console is the console global; it counts what the script printed to cut
// runaway output.
type console struct {
	h            *host
	insp         *inspector
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

// Console limits: a script logging in a loop, or one huge line, must not
// fill the harness's memory or the report. A line is cut at maxLineBytes and
// the case's output at maxConsoleBytes (or maxConsoleLines lines), each cut
// marked with the number of bytes dropped (README "bridge test").
const (
	maxConsoleLines = 2000
	maxConsoleBytes = 1 << 20
	maxLineBytes    = 64 << 10
)

func (con *console) log(level string, text *cappedText) {
	if con.consoleBytes >= maxConsoleBytes || len(con.h.res.Console) >= maxConsoleLines {
		if !con.consoleCut {
			con.consoleCut = true
			con.h.res.Console = append(con.h.res.Console, ConsoleLine{Level: "warn",
				Text: fmt.Sprintf("bridge: console output cut after %d lines / %d bytes", len(con.h.res.Console), con.consoleBytes)})
			con.stream()
		}
		return
	}
	line := text.String()
	if room := maxConsoleBytes - con.consoleBytes; len(line) > room {
		line = truncateText(line, room, 0)
	}
	con.consoleBytes += len(line)
	con.h.res.Console = append(con.h.res.Console, ConsoleLine{Level: level, Text: line})
	con.stream()
}

// format is Node's util.format over the arguments, the text console.log
// prints: `{ a: 1 }`, `[ 1, 2 ]`, strings bare at the top level
// (internal/inspect, a port of lib/internal/util/inspect.js). A getter or
// toJSON that throws makes console.log throw, as in Node. Errors' stack
// frames are written as Node writes them, in the script's coordinates
// (cleanStack).
// The line is capped at maxLineBytes.
func (con *console) format(args []goja.Value) *cappedText {
	s, err := con.insp.get().Format(args...)
	if err != nil {
		panic(err)
	}
	out := &cappedText{max: maxLineBytes}
	out.WriteString(con.h.cleanStack(s))
	return out
}
