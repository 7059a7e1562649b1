package jiramock

import (
	"net/http"
	"strings"
)

// The oauth_problem values of the OAuth Problem Reporting extension that
// JIRA's provider (net.oauth) answers with (docs/jira.md "OAuth 1.0a provider").
const (
	ProblemVersionRejected         = "version_rejected"
	ProblemParameterAbsent         = "parameter_absent"
	ProblemParameterRejected       = "parameter_rejected"
	ProblemTimestampRefused        = "timestamp_refused"
	ProblemNonceUsed               = "nonce_used"
	ProblemSignatureMethodRejected = "signature_method_rejected"
	ProblemSignatureInvalid        = "signature_invalid"
	ProblemConsumerKeyUnknown      = "consumer_key_unknown"
	ProblemTokenUsed               = "token_used"
	ProblemTokenExpired            = "token_expired"
	ProblemTokenRejected           = "token_rejected"
	ProblemPermissionUnknown       = "permission_unknown"
	ProblemPermissionDenied        = "permission_denied"
)

// problemStatus maps an oauth_problem to the HTTP status net.oauth's
// OAuthServlet answers it with (docs/jira.md "OAuth 1.0a provider"): 400 for malformed requests, 401
// for refused credentials, 503 for refusals by policy, 403 for the rest.
func problemStatus(problem string) int {
	switch problem {
	case ProblemVersionRejected, ProblemParameterAbsent, ProblemParameterRejected,
		ProblemTimestampRefused, ProblemSignatureMethodRejected:
		return http.StatusBadRequest
	case ProblemNonceUsed, ProblemTokenUsed, ProblemTokenExpired, "token_revoked", ProblemTokenRejected,
		ProblemSignatureInvalid, ProblemConsumerKeyUnknown, "consumer_key_rejected",
		ProblemPermissionUnknown, ProblemPermissionDenied:
		return http.StatusUnauthorized
	case "user_refused", "consumer_key_refused":
		return http.StatusServiceUnavailable
	}
	return http.StatusForbidden
}

// problem is an OAuth failure as JIRA reports it: the oauth_problem, its extra
// parameters in order (e.g. oauth_signature_base_string), and advice. Detail
// goes to the request log only.
type problem struct {
	name   string
	params []param
	advice string
	detail string
}

func newProblem(name, advice string, params ...param) *problem {
	return &problem{name: name, advice: advice, params: params}
}

func (p *problem) Error() string { return "jiramock: oauth_problem=" + p.name + ": " + p.advice }

// fields are the reply's parameters: oauth_problem first, then the problem's
// own, then oauth_problem_advice (Problem Reporting extension) saying what to
// do.
func (p *problem) fields() []param {
	f := make([]param, 0, len(p.params)+2)
	f = append(f, param{name: "oauth_problem", value: p.name})
	f = append(f, p.params...)
	if p.advice != "" {
		f = append(f, param{name: "oauth_problem_advice", value: p.advice})
	}
	return f
}

// write sends the problem the JIRA way (net.oauth OAuthServlet.handleException,
// docs/jira.md "OAuth 1.0a provider"): the status of problemStatus,
// `WWW-Authenticate: OAuth realm="<enc base URL>", oauth_problem="…", …` and the
// same parameters form-encoded in the body.
func (p *problem) write(w http.ResponseWriter, realm string) int {
	fields := p.fields()
	var hdr, body strings.Builder
	hdr.WriteString(`OAuth realm="`)
	hdr.WriteString(percentEncode(realm))
	hdr.WriteByte('"')
	for i, f := range fields {
		hdr.WriteString(", ")
		hdr.WriteString(percentEncode(f.name))
		hdr.WriteString(`="`)
		hdr.WriteString(percentEncode(f.value))
		hdr.WriteByte('"')
		if i > 0 {
			body.WriteByte('&')
		}
		body.WriteString(percentEncode(f.name))
		body.WriteByte('=')
		body.WriteString(percentEncode(f.value))
	}
	status := problemStatus(p.name)
	h := w.Header()
	h.Set("WWW-Authenticate", hdr.String())
	h.Set("Content-Type", "application/x-www-form-urlencoded")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body.String()))
	return status
}
