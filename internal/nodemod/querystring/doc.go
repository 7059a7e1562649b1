// Package querystring emulates Node's querystring module
// (https://nodejs.org/api/querystring.html, source lib/querystring.js) for
// require('querystring') in the script sandbox: parse/decode,
// stringify/encode, escape and unescape, with Node's encoding (the
// characters left unescaped are A-Z a-z 0-9 - _ . ! ~ * ' ( ), as
// encodeURIComponent) and its decoding fallback for malformed percent
// sequences. unescapeBuffer is not provided (it returns a Buffer);
// docs/node-runtime.md ("querystring").
package querystring
