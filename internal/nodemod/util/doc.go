// Package util emulates the parts of Node's util module
// (https://nodejs.org/api/util.html) that profile scripts use, for
// require('util') in the script sandbox: format and inspect (from
// internal/inspect), promisify (with util.promisify.custom), inherits,
// deprecate (without the warning), isArray and util.types' common
// predicates. Everything else of util is absent; docs/node-runtime.md
// ("util").
package util
