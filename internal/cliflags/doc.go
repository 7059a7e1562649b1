// Package cliflags owns the flag groups several bridge commands share: their
// registration, their checks and the wording of their errors, which name the
// flag. It follows the "options struct" pattern of kubectl and cobra
// (https://github.com/kubernetes/kubectl, pkg/cmd/*: an Options type with
// AddFlags and Validate), so a renamed flag touches this one package.
//
// Errors are exit.Usagef (exit 2, README "Exit codes"); the commands map
// nothing further.
package cliflags
