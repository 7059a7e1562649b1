// Package render writes the human and JSON output of bridge's commands: the
// result of one run (`bridge run`, `bridge live`), a publish, a failed live
// dance. Results go to the stdout writer given, progress and failures to the
// stderr one (README "Output"); the caller decides what exit code follows.
package render
