package live

import (
	"encoding/json"
	"fmt"
	"net/url"
)

// Kind says what went wrong in the dance; the CLI maps it to an exit code.
type Kind string

// The kinds of failure. Problem, Denied, Timeout, Mismatch and Reply are
// failed checks; Unreachable and Server are remote failures; Input is bad input.
const (
	KindProblem     Kind = "oauth_problem"    // JIRA answered with an oauth_problem (docs/jira.md "OAuth 1.0a provider")
	KindDenied      Kind = "denied"           // the person clicked Deny
	KindTimeout     Kind = "approve_timeout"  // no approval within the approval timeout
	KindMismatch    Kind = "token_mismatch"   // the callback carried another request token
	KindReply       Kind = "unexpected_reply" // JIRA answered, but not as an OAuth provider does
	KindUnreachable Kind = "unreachable"      // no answer from JIRA at all
	KindServer      Kind = "server_error"     // a 5xx without an oauth_problem
	KindInput       Kind = "bad_input"        // bad options: a non-loopback callback address, a bad URL
)

// Step names the leg of the dance an error happened in.
type Step string

// The steps of the dance (RFC 5849 §2.1-2.3).
const (
	StepRequestToken Step = "request token"
	StepAuthorize    Step = "approval"
	StepAccessToken  Step = "access token"
)

// Error is a failed dance: what kind of failure, in which step, JIRA's reply
// when there was one, and advice on what to do next.
type Error struct {
	Kind    Kind
	Step    Step
	Status  int        // HTTP status of JIRA's reply; 0 if none
	Problem string     // oauth_problem, for KindProblem (OAuth 1.0a)
	Code    string     // OAuth 2.0's error code (RFC 6749 §4.1.2.1, §5.2), e.g. invalid_grant
	Params  url.Values // every parameter of JIRA's problem reply (oauth_signature_base_string, ...)
	Body    string     // a snippet of JIRA's reply body, for KindReply and KindServer
	Advice  string     // what to do next; may span lines
	Err     error      // the underlying error, if any
}

func (e *Error) Error() string {
	msg := "live: " + string(e.Step) + ": "
	switch {
	case e.Code != "" && e.Kind != KindDenied:
		if e.Status != 0 {
			msg += fmt.Sprintf("Jira answered HTTP %d ", e.Status)
		}
		msg += "error=" + e.Code
		if e.Err != nil && e.Err.Error() != "" {
			msg += ": " + e.Err.Error()
		}
	case e.Kind == KindProblem:
		msg += fmt.Sprintf("JIRA answered HTTP %d oauth_problem=%s", e.Status, e.Problem)
	case e.Kind == KindReply, e.Kind == KindServer:
		msg += fmt.Sprintf("JIRA answered HTTP %d", e.Status)
		if e.Err != nil {
			msg += ": " + e.Err.Error()
		}
		if e.Body != "" {
			msg += ": " + e.Body
		}
	default:
		if e.Err != nil {
			msg += e.Err.Error()
		} else {
			msg += string(e.Kind)
		}
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// MarshalJSON is the error as `bridge live --json` prints it: kind, step,
// status, oauth_problem and its parameters, advice and the message.
func (e *Error) MarshalJSON() ([]byte, error) {
	params := map[string]string{}
	for k := range e.Params {
		params[k] = e.Params.Get(k)
	}
	return json.Marshal(struct {
		Kind    Kind              `json:"kind"`
		Step    Step              `json:"step"`
		Status  int               `json:"status,omitempty"`
		Problem string            `json:"oauth_problem,omitempty"`
		Code    string            `json:"error,omitempty"`
		Params  map[string]string `json:"params,omitempty"`
		Advice  string            `json:"advice,omitempty"`
		Message string            `json:"message"`
	}{e.Kind, e.Step, e.Status, e.Problem, e.Code, params, e.Advice, e.Error()})
}
