package script

// stream hands the console line just appended to Result.Console to
// Options.OnConsole, redacted as the Result's lines are when the run ends. A
// caller that may lose the Result (a sandbox worker killed at its time limit
// or memory ceiling, or one that crashes) keeps what the script printed.
func (con *console) stream() {
	f := con.h.opts.OnConsole
	if f == nil || len(con.h.res.Console) == 0 {
		return
	}
	line := con.h.res.Console[len(con.h.res.Console)-1]
	line.Text = con.h.red.String(line.Text)
	f(line)
}
