// Package jsonwebtoken emulates the npm package jsonwebtoken 9.0.2
// (https://github.com/auth0/node-jsonwebtoken, tag v9.0.2) for
// require('jsonwebtoken') in the script sandbox: decode (with complete),
// verify and sign, sync and callback forms, with the library's error classes,
// names and messages. The control flow is a port of the library's JS
// (verify.js, sign.js, decode.js, lib/*.js, and jws/jwa for the encoding),
// run in goja; the cryptography (HMAC, RSA PKCS#1 v1.5 with SHA-256/384/512)
// is Go. What differs is listed in docs/node-runtime.md ("jsonwebtoken").
package jsonwebtoken
