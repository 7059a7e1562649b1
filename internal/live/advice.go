package live

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// adviceInput is what advice can point at: the options the person gave and
// the request JIRA refused.
type adviceInput struct {
	JIRAURL, ConsumerKey, PrivateKeyFile string
	RequestURL                           string    // the OAuth endpoint the refused request went to
	Now                                  time.Time // this machine's clock when JIRA answered
	Params                               url.Values
}

// advise turns JIRA's oauth_problem (docs/jira.md "OAuth 1.0a provider", "Validation and errors")
// into what the person should do next. Unknown problems get a generic line.
func advise(problem string, in adviceInput) string {
	var b strings.Builder
	if f, ok := problemAdvice[problem]; ok {
		b.WriteString(f(in))
	} else {
		fmt.Fprintf(&b, "JIRA refused the request with oauth_problem=%s. Check the Application Link's Incoming Authentication (consumer key %q, public key) and run again.", problem, in.ConsumerKey)
	}
	// oauth_problem_advice is the OAuth Problem Reporting extension's free text.
	if a := in.Params.Get("oauth_problem_advice"); a != "" {
		fmt.Fprintf(&b, "\nJIRA adds: %s", a)
	}
	return b.String()
}

const linkPath = "JIRA Administration > Applications > Application links > (the link for Auth0) > Edit > Incoming Authentication"

var problemAdvice = map[string]func(adviceInput) string{
	"consumer_key_unknown": func(in adviceInput) string {
		return fmt.Sprintf("JIRA knows no consumer with the key %q: the Application Link's incoming consumer key differs.\n"+
			"Open %s: its Consumer Key must be exactly %q (the connection's client_id). Fix it there, or pass the key shown there with --consumer-key.",
			in.ConsumerKey, linkPath, in.ConsumerKey)
	},
	"consumer_key_rejected": func(in adviceInput) string {
		return fmt.Sprintf("JIRA knows the consumer %q but rejects it. Check that the Application Link still has Incoming Authentication set up with this consumer key (%s).", in.ConsumerKey, linkPath)
	},
	"consumer_key_refused": func(in adviceInput) string {
		return fmt.Sprintf("JIRA refuses the consumer %q for now (HTTP 503). The Application Link may be disabled; check %s and try again later.", in.ConsumerKey, linkPath)
	},
	"signature_invalid": signatureAdvice,
	"timestamp_refused": timestampAdvice,
	"permission_denied": func(adviceInput) string {
		return "The JIRA user denied access on the approval page. Run again and click Allow."
	},
	"permission_unknown": func(adviceInput) string {
		return "JIRA says the request token was neither approved nor denied yet. Approve it in the browser first, then the access token can be fetched; run again."
	},
	"token_rejected": func(adviceInput) string {
		return "JIRA does not accept the token: it is unknown to JIRA, belongs to another consumer, or the verifier does not match it. Run again and approve the new request in the browser; with --oob, paste the verifier of this run's approval."
	},
	"token_expired": func(adviceInput) string {
		return "The request token expired: JIRA keeps request tokens for 10 minutes. Run again and approve within that time."
	},
	"token_used": func(adviceInput) string {
		return "The request token was already exchanged for an access token. Run again for a fresh one."
	},
	"token_revoked": func(adviceInput) string {
		return "The token was revoked in JIRA. Run again and approve the new request."
	},
	"nonce_used": func(adviceInput) string {
		return "JIRA has seen this request's nonce before: something between here and JIRA replays requests. Run again; if it repeats, check proxies that retry POST requests."
	},
	"version_rejected": func(adviceInput) string {
		return "JIRA accepts only oauth_version 1.0. Something between here and JIRA rewrites the request; check proxies."
	},
	"signature_method_rejected": func(adviceInput) string {
		return fmt.Sprintf("JIRA accepts only RSA-SHA1 signatures. The Application Link's Incoming Authentication must hold a public key (%s).", linkPath)
	},
	"parameter_absent": func(in adviceInput) string {
		return fmt.Sprintf("JIRA did not get the OAuth parameters %s. A proxy in front of JIRA may drop the Authorization header; let it through to JIRA.", orUnknown(in.Params.Get("oauth_parameters_absent")))
	},
	"parameter_rejected": func(in adviceInput) string {
		rejected := in.Params.Get("oauth_parameters_rejected")
		if strings.Contains(rejected, "oauth_callback") {
			return "JIRA refused the callback URL this machine offered. Run again with --oob: JIRA then shows the verifier, and you paste it here."
		}
		return fmt.Sprintf("JIRA rejected the OAuth parameters %s (a duplicate or a bad value). Check proxies that rewrite requests.", orUnknown(rejected))
	},
	"user_refused": func(adviceInput) string {
		return "JIRA refuses this user for now (HTTP 503). Try again later, or approve as another JIRA user."
	},
}

func orUnknown(s string) string {
	if s == "" {
		return "(JIRA did not say which)"
	}
	return s
}

// signatureAdvice explains signature_invalid. JIRA reports the base string it
// verified (oauth_signature_base_string, docs/jira.md "OAuth 1.0a provider"); when its URL differs from
// the URL this request went to, JIRA sees itself at another address (a proxy, or
// a wrong base URL), and that is the cause rather than the key.
func signatureAdvice(in adviceInput) string {
	var b strings.Builder
	keyFile := in.PrivateKeyFile
	if keyFile == "" {
		keyFile = "KEY.pem"
	}
	fmt.Fprintf(&b, "JIRA could not verify the RSA-SHA1 signature: the public key in the Application Link does not match the private key %s.\n", keyFile)
	fmt.Fprintf(&b, "Paste the public key of %s (openssl rsa -in %s -pubout) into %s.", keyFile, keyFile, linkPath)
	base := in.Params.Get("oauth_signature_base_string")
	if base == "" {
		return b.String()
	}
	fmt.Fprintf(&b, "\nJIRA reported this signature base string:\n  %s", base)
	if jiraSaw := baseStringURL(base); jiraSaw != "" && in.RequestURL != "" {
		if sent := normalizeURL(in.RequestURL); sent != "" && sent != jiraSaw {
			fmt.Fprintf(&b, "\nJIRA signed the URL %s but the request went to %s: JIRA believes it lives at another address.\n"+
				"Fix JIRA's Base URL (Administration > System > General configuration) or its proxy settings (proxyName, proxyPort, scheme in server.xml), "+
				"or pass --jira-url %s if that is where JIRA really is. The key may be right after all.",
				jiraSaw, sent, baseOf(jiraSaw))
		}
	}
	return b.String()
}

// baseStringURL returns the URL part of a signature base string
// METHOD&enc(url)&enc(params) (RFC 5849 §3.4.1.1), or "".
func baseStringURL(base string) string {
	parts := strings.SplitN(base, "&", 3)
	if len(parts) != 3 {
		return ""
	}
	u, err := url.PathUnescape(parts[1])
	if err != nil {
		return ""
	}
	return u
}

// normalizeURL is the base string URI of rawURL (RFC 5849 §3.4.1.2): scheme
// and host lowercased, default ports dropped, no query.
func normalizeURL(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return ""
	}
	host := strings.ToLower(u.Host)
	scheme := strings.ToLower(u.Scheme)
	if p := u.Port(); (scheme == "http" && p == "80") || (scheme == "https" && p == "443") {
		host = strings.ToLower(u.Hostname())
	}
	return scheme + "://" + host + u.EscapedPath()
}

// timestampAdvice explains timestamp_refused with JIRA's accepted range
// oauth_acceptable_timestamps=min-max (docs/jira.md "OAuth 1.0a provider": a ±300 s window).
func timestampAdvice(in adviceInput) string {
	msg := "JIRA refused the request's timestamp: this machine's clock and JIRA's differ by more than JIRA allows (5 minutes)."
	lo, hi, ok := parseRange(in.Params.Get("oauth_acceptable_timestamps"))
	if !ok {
		return msg + "\nSet this machine's clock right (NTP, e.g. timedatectl set-ntp true), or JIRA's server's, and run again."
	}
	now := in.Now.UTC().Truncate(time.Second)
	jiraNow := time.Unix((lo+hi)/2, 0).UTC()
	skew := now.Sub(jiraNow)
	dir := "ahead of"
	if skew < 0 {
		dir, skew = "behind", -skew
	}
	return fmt.Sprintf("%s\nJIRA accepts timestamps from %d to %d (%s to %s); this machine's clock says %d (%s), about %s %s JIRA's.\n"+
		"Set the clock right (NTP, e.g. timedatectl set-ntp true) on this machine or on JIRA's server, and run again.",
		msg, lo, hi, time.Unix(lo, 0).UTC().Format(time.RFC3339), time.Unix(hi, 0).UTC().Format(time.RFC3339),
		now.Unix(), now.Format(time.RFC3339), skew.Round(time.Second), dir)
}

func parseRange(s string) (lo, hi int64, ok bool) {
	a, b, found := strings.Cut(s, "-")
	if !found {
		return 0, 0, false
	}
	lo, err1 := strconv.ParseInt(strings.TrimSpace(a), 10, 64)
	hi, err2 := strconv.ParseInt(strings.TrimSpace(b), 10, 64)
	return lo, hi, err1 == nil && err2 == nil && lo <= hi
}

// baseOf strips JIRA's OAuth endpoint path from an endpoint URL.
func baseOf(endpointURL string) string {
	for _, p := range []string{RequestTokenPath, AccessTokenPath, AuthorizePath} {
		if strings.HasSuffix(endpointURL, p) {
			return strings.TrimSuffix(endpointURL, p)
		}
	}
	return endpointURL
}
