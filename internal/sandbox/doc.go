// Package sandbox runs fetchUserProfile scripts in sandbox worker processes:
// the bridge binary itself, re-executed as a hidden subcommand, one script run
// at a time per process. Auth0 isolates a webtask by killing its container
// (docs/auth0.md "The sandbox"); the bridge isolates the same way, because an
// in-process runtime cannot stop a long native call (goja checks its
// interrupt only between JavaScript instructions) and cannot tell which of
// several parallel runs owns the heap.
//
// # What the parent owns
//
// The parent (Pool) owns the mock, the cases, the clock, the verdicts and the
// output. It enforces from outside:
//
//   - the wall-clock limit: a worker whose run is still going StuckGrace
//     past its limit (inside a call that cannot be interrupted) says so and
//     gets SIGKILL at once; one that says nothing gets it at Timeout+KillGrace
//     after it reported the run started (startWait bounds the wait for that).
//     The outcome is timeout, naming the requests the worker last reported
//     as pending;
//   - the memory ceiling: the worker watches its own heap (runtime/metrics,
//     debug.SetMemoryLimit) and exits with exitMemory when a run's heap goes
//     past the ceiling even inside a native call; the parent also reads the
//     worker's resident set size (VmRSS in /proc/PID/status on Linux) and
//     kills it past MaxMemory+RSSSlack (rssFactor times that under the race
//     detector, race.go). On macOS and Windows there is no
//     /proc: only the worker's own heap watchdog holds the ceiling there
//     (rss_other.go). A trip is memory, for the case that ran in that worker;
//   - crashes: a worker that dies any other way ends its case as crash
//     (KindCrash), with the worker's last words (a bounded tail of stderr);
//   - cancellation (Ctrl-C): every worker is killed at once.
//
// A killed worker is replaced at once, in the background, so that start-up
// cost stays off the next case's path.
//
// # Protocol (version 2)
//
// Frames go both ways over the worker's stdin and stdout: a 4-byte big-endian
// length, then that many bytes of JSON (frame). No frame may exceed
// maxFrame; a worker that sends one is killed and its case is a crash. The
// worker warms up (one run of a small script, so that its first case is not
// cold), then speaks first, {"type":"hello","v":1,"pid":…}; a parent that reads
// another version refuses the worker. Then, per case:
//
//	parent → worker  {"type":"run","run":{id, hash, source?, options}}
//	worker → parent  {"type":"start","start":id}     (compiled; the case's clock starts)
//	worker → parent  {"type":"req","req":{id, n, phase:"start", method, url}}  (as it happens)
//	worker → parent  {"type":"req","req":{id, n, phase:"end", status|error}}
//	worker → parent  {"type":"console","console":{id, level, text}}  (as the script prints, redacted)
//	worker → parent  {"type":"stuck","stuck":id}   (StuckGrace past the limit; the parent kills)
//	worker → parent  {"type":"result","result":{id, result, durations}}  (console left out: sent already)
//
// The source is sent only the first time a worker sees a script hash; the
// worker compiles it once and keeps the Program. Each run gets a fresh goja
// runtime (script.Program.Run). Request events are taken from the worker's
// connections to the network (conntrack.go), so the parent knows what is
// pending even when the runtime is stuck in a native call; console lines
// stream the same way (script.Options.OnConsole), so a case killed at its
// limit, or whose worker crashed, still shows what it printed. The worker
// bounds everything it sends (bounds.go): console 1 MiB per case and 64 KiB
// per line, request logs, error messages and the profile, each cut with a
// marker; the parent applies the same bounds to what it reads.
//
// A worker exits when its stdin closes; on Linux it also dies with its parent
// (PR_SET_PDEATHSIG).
package sandbox
