package jiramock

import (
	"crypto"
	"crypto/rsa"
	"crypto/sha1"
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// The only signature method JIRA's application links accept (docs/jira.md "OAuth 1.0a provider").
const rsaSHA1 = "RSA-SHA1"

// timestampWindow is net.oauth's default tolerance, ±300 s (docs/jira.md "OAuth 1.0a provider").
const timestampWindow = 300

// oauthParams are the protocol parameters of a request, picked out of all its
// parameters. has records which were present (even if empty); dup names the
// first oauth_* parameter that came more than once.
type oauthParams struct {
	all                                                       []param
	consumerKey, token, signatureMethod, signature, timestamp string
	nonce, version, callback, verifier                        string
	has                                                       uint16
	dup                                                       string
}

const (
	hasConsumerKey uint16 = 1 << iota
	hasToken
	hasSignatureMethod
	hasSignature
	hasTimestamp
	hasNonce
	hasVersion
	hasCallback
	hasVerifier

	// hasAll6 is the set whose presence makes a REST call count as OAuth
	// (docs/jira.md "OAuth 1.0a provider"); with any missing, it is anonymous.
	hasAll6 = hasConsumerKey | hasToken | hasSignatureMethod | hasSignature | hasTimestamp | hasNonce
)

// readOAuth picks the oauth_* parameters out of params.
func readOAuth(params []param) oauthParams {
	op := oauthParams{all: params}
	for i, p := range params {
		if !strings.HasPrefix(p.name, "oauth_") {
			continue
		}
		if op.dup == "" && singleParam(p.name) {
			for _, q := range params[:i] {
				if q.name == p.name {
					op.dup = p.name
					break
				}
			}
		}
		var dst *string
		var bit uint16
		switch p.name {
		case "oauth_consumer_key":
			dst, bit = &op.consumerKey, hasConsumerKey
		case "oauth_token":
			dst, bit = &op.token, hasToken
		case "oauth_signature_method":
			dst, bit = &op.signatureMethod, hasSignatureMethod
		case "oauth_signature":
			dst, bit = &op.signature, hasSignature
		case "oauth_timestamp":
			dst, bit = &op.timestamp, hasTimestamp
		case "oauth_nonce":
			dst, bit = &op.nonce, hasNonce
		case "oauth_version":
			dst, bit = &op.version, hasVersion
		case "oauth_callback":
			dst, bit = &op.callback, hasCallback
		case "oauth_verifier":
			dst, bit = &op.verifier, hasVerifier
		default:
			continue
		}
		if op.has&bit == 0 { // the first value counts; a second is op.dup
			*dst = p.value
			op.has |= bit
		}
	}
	return op
}

// singleParam reports the parameters that may not appear twice: net.oauth's
// SimpleOAuthValidator.SINGLE_PARAMETERS (after OAuth Core 1.0 §5). Other
// oauth_* names (oauth_verifier, an unknown oauth_foo) may repeat there, the
// first value counting (net.oauth OAuth.newMap), so they may here.
func singleParam(name string) bool {
	switch name {
	case "oauth_consumer_key", "oauth_token", "oauth_token_secret", "oauth_callback",
		"oauth_signature_method", "oauth_signature", "oauth_timestamp", "oauth_nonce", "oauth_version":
		return true
	}
	return false
}

// rejectedDup is oauth_parameters_rejected for a repeated parameter, as
// net.oauth's checkSingleParameters writes it: every name=value pair of each
// repeated single parameter, form-encoded.
func (op *oauthParams) rejectedDup() string {
	var b strings.Builder
	seen := map[string]int{}
	for _, p := range op.all {
		if singleParam(p.name) {
			seen[p.name]++
		}
	}
	for _, p := range op.all {
		if seen[p.name] > 1 {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(percentEncode(p.name) + "=" + percentEncode(p.value))
		}
	}
	return b.String()
}

// acceptedVersion is net.oauth's validateVersion: the version read as a
// number (Double.parseDouble) must be 1.0, so "1" and "1.00" pass. An
// unparsable one (node-oauth's "" when no version is given, docs/node-oauth.md) throws
// there; the mock answers version_rejected.
func acceptedVersion(v string) bool {
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	return err == nil && f == 1.0
}

// complete reports whether all six parameters that make a REST call an OAuth
// call are present (docs/jira.md "OAuth 1.0a provider").
func (op *oauthParams) complete() bool { return op.has&hasAll6 == hasAll6 }

// checkConsumer finds the request's consumer. JIRA's servlets look the
// consumer up before running the validator.
func (o1 oauth1Provider) checkConsumer(op *oauthParams) (*Consumer, *problem) {
	s := o1.m
	if op.has&hasConsumerKey == 0 {
		return nil, newProblem(ProblemParameterAbsent, "sign the request: oauth_consumer_key is missing",
			param{name: "oauth_parameters_absent", value: "oauth_consumer_key"})
	}
	c, ok := s.consumers[op.consumerKey]
	if !ok {
		return nil, newProblem(ProblemConsumerKeyUnknown,
			"no application link has consumer key "+strconv.Quote(op.consumerKey)+": use the key registered with JIRA")
	}
	return c, nil
}

// validate runs the checks of net.oauth's SimpleOAuthValidator, in its order
// (docs/jira.md "OAuth 1.0a provider"): a duplicated oauth_* parameter, the version, the signature
// method, the required parameters, the ±300 s timestamp window, the nonce
// (recorded before the signature is checked, as there), and last the RSA-SHA1
// signature over the base string rebuilt from the request as received.
func (o1 oauth1Provider) validate(r *http.Request, op *oauthParams, c *Consumer, now time.Time) *problem {
	s := o1.m
	if op.dup != "" {
		return newProblem(ProblemParameterRejected, op.dup+" was sent more than once: send each OAuth parameter once",
			param{name: "oauth_parameters_rejected", value: op.rejectedDup()})
	}
	if op.has&hasVersion != 0 && !acceptedVersion(op.version) {
		return newProblem(ProblemVersionRejected, "oauth_version is "+strconv.Quote(op.version)+": send 1.0 or leave it out",
			param{name: "oauth_acceptable_versions", value: "1.0-1.0"})
	}
	if op.has&hasSignatureMethod == 0 {
		return newProblem(ProblemParameterAbsent, "oauth_signature_method is missing: JIRA needs RSA-SHA1",
			param{name: "oauth_parameters_absent", value: "oauth_signature_method"})
	}
	if op.signatureMethod != rsaSHA1 {
		return newProblem(ProblemSignatureMethodRejected,
			"JIRA accepts only RSA-SHA1, not "+strconv.Quote(op.signatureMethod)+": sign with the private key of the application link")
	}
	var absent []string
	for _, req := range []struct {
		bit  uint16
		name string
	}{{hasSignature, "oauth_signature"}, {hasTimestamp, "oauth_timestamp"}, {hasNonce, "oauth_nonce"}} {
		if op.has&req.bit == 0 {
			absent = append(absent, req.name)
		}
	}
	if absent != nil {
		return newProblem(ProblemParameterAbsent, "missing: "+strings.Join(absent, ", "),
			param{name: "oauth_parameters_absent", value: strings.Join(absent, "&")})
	}
	ts, err := strconv.ParseInt(op.timestamp, 10, 64)
	if err != nil {
		return newProblem(ProblemParameterRejected, "oauth_timestamp must be whole seconds since 1970",
			param{name: "oauth_parameters_rejected", value: "oauth_timestamp"})
	}
	// net.oauth SimpleOAuthValidator.validateTimestamp works in milliseconds:
	// min = (now - 300000 + 500) / 1000, max = (now + 300000 + 500) / 1000,
	// that is the clock rounded to the nearest second, ±300.
	nowSec := (now.UnixMilli() + 500) / 1000
	if lo, hi := nowSec-timestampWindow, nowSec+timestampWindow; ts < lo || ts > hi {
		return newProblem(ProblemTimestampRefused,
			"oauth_timestamp "+op.timestamp+" is more than 300 s away from the server's clock "+strconv.FormatInt(nowSec, 10)+": fix the clock",
			param{name: "oauth_acceptable_timestamps", value: strconv.FormatInt(lo, 10) + "-" + strconv.FormatInt(hi, 10)})
	}
	if !s.nonces.use(c.Key, op.token, op.nonce, ts, nowSec) {
		return newProblem(ProblemNonceUsed, "this oauth_nonce was already used with this timestamp: sign every request afresh")
	}
	return o1.checkSignature(r, op, c)
}

// checkSignature verifies oauth_signature with rsa.VerifyPKCS1v15 over SHA-1
// (RFC 5849 §3.4.3). A failure carries oauth_signature,
// oauth_signature_base_string and oauth_signature_method, as JIRA's does.
func (o1 oauth1Provider) checkSignature(r *http.Request, op *oauthParams, c *Consumer) *problem {
	base := baseString(r.Method, requestBaseURI(r), op.all)
	sig, err := base64.StdEncoding.DecodeString(op.signature)
	if err != nil {
		sig, err = base64.RawStdEncoding.DecodeString(op.signature)
	}
	if err == nil {
		sum := sha1.Sum([]byte(base))
		if rsa.VerifyPKCS1v15(c.PublicKey, crypto.SHA1, sum[:], sig) == nil {
			return nil
		}
	}
	p := newProblem(ProblemSignatureInvalid,
		"the signature does not match the base string the mock computed from the request as received: compare it with the one you signed",
		param{name: "oauth_signature", value: op.signature},
		param{name: "oauth_signature_base_string", value: base},
		param{name: "oauth_signature_method", value: op.signatureMethod})
	p.detail = "base string: " + base
	return p
}

// requestBaseURI rebuilds the request's URL from r.Host and the listener's
// scheme (a handler's r.URL has neither, docs/fidelity.md "dghubble/oauth1") and the path as received.
func requestBaseURI(r *http.Request) string {
	path, _ := splitTarget(r)
	return baseURI(requestScheme(r), r.Host, path)
}

func requestScheme(r *http.Request) string {
	if r.TLS != nil {
		return "https"
	}
	return "http"
}

// requestBase is the base URL the client used, e.g. http://127.0.0.1:8080.
func requestBase(r *http.Request) string { return requestScheme(r) + "://" + r.Host }
