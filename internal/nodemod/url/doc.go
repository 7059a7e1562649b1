// Package url emulates Node's url module (https://nodejs.org/api/url.html)
// for require('url') in the script sandbox: the legacy API (parse, format,
// resolve, resolveObject, Url) as a port of Node's lib/url.js, and the
// WHATWG URL and URLSearchParams classes from goja_nodejs's url module.
// What differs is listed in docs/node-runtime.md ("url").
package url
