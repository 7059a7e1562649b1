// Package livecheck is `bridge live` once its flags are checked: the OAuth
// dance against the real JIRA (internal/live), the token saved when asked
// (--save-token), then the script run once with the token in a sandbox
// worker process (internal/sandbox), so that the time limit and the memory
// ceiling hold as in bridge run. Every line on stderr has the check's
// secrets redacted (internal/redact): the consumer's private key or the
// client secret, and the tokens once the dance has them.
//
// The script is compiled before the dance, so that a syntax error costs the
// person no approval (CompileFailed); it is then the script's failure, as in
// bridge run, and nothing was sent to JIRA.
//
// A check that stops before the script runs is an *Error: its Stage says
// where, and the CLI maps it to an exit code (README "Exit codes"); a failed
// dance wraps live's *Error, whose Kind decides, or ErrStopped.
//
// The pieces, one per file:
//   - outcome.go: Outcome, Error and CompileFailed, shared by both protocols.
//   - warn.go: the warnings of a plain-http JIRA and of the public test key.
//   - oauth1.go: OAuth1, the OAuth 1.0a check (live.Run).
//   - oauth2.go: OAuth2, the OAuth 2.0 check (live.RunOAuth2, jiratarget.OAuth2).
package livecheck
