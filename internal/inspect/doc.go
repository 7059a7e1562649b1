// Package inspect formats goja values as Node's util.inspect and
// util.format do, so that console.log output and util.inspect results read
// as they would on Auth0's Node 22 (and Node 18, which formats the same for
// the cases covered). The formatter is a port of Node's
// lib/internal/util/inspect.js (v22.x), documented at
// https://nodejs.org/api/util.html#utilinspectobject-options, run as JS in
// the same goja runtime; Go supplies what JS cannot see (a value's internal
// class, a promise's state, a boxed primitive). What is covered and what
// differs is in docs/node-runtime.md ("console and util.inspect").
package inspect
