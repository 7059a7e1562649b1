// Package keys loads, checks and makes the RSA key pair of a JIRA Application
// Link consumer.
//
// node-oauth uses the connection's client_secret raw as the PEM private key of
// RSA-SHA1 signing, and accepts PKCS#1 ("RSA PRIVATE KEY") and PKCS#8
// ("PRIVATE KEY") PEM alike (docs/node-oauth.md, lib/oauth.js L16-18, L209-211). JIRA
// is given the matching public key, which the Auth0 guide's step 1 writes with
// `openssl rsa -pubout` as a PKIX "PUBLIC KEY" PEM (seed guide, step 1).
//
// Assumptions (no published source):
//   - Keys under 2048 bits are refused: the guide generates 2048-bit keys and
//     smaller RSA keys are no longer considered safe.
//   - An encrypted PEM cannot be used: Auth0 hands client_secret to node-oauth
//     without a passphrase. The error says how to decrypt it with openssl.
//   - The PEM passed on (to Auth0, to the sandbox) is the private key's own PEM
//     block re-encoded, without any text around it in the file.
//
// Every error starts with "keys:", names the file it is about and says what to
// do; the sentinel errors (ErrEncrypted, ErrNotRSA, …) can be matched with
// errors.Is.
package keys
