package live

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
)

// ReadVerifier reads the verifier the person pastes after approving with
// oauth_callback=oob, where JIRA shows the verifier on a page instead of
// redirecting (docs/jira.md "OAuth 1.0a provider"). It prompts on prompt and reads lines from in,
// skipping blank ones. A pasted URL or query carrying oauth_verifier (the page
// a JIRA redirected to, e.g. the Application Link's registered callback) works
// too; its oauth_token, if any, must be requestToken. "denied" is a denial.
func ReadVerifier(ctx context.Context, in io.Reader, prompt io.Writer, requestToken string) (string, error) {
	lines := make(chan string)
	readErr := make(chan error, 1)
	go func() {
		sc := bufio.NewScanner(in)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				return
			}
		}
		err := sc.Err()
		if err == nil {
			err = io.EOF
		}
		readErr <- err
	}()
	for {
		fmt.Fprint(prompt, "Paste the verifier JIRA shows after you click Allow (or the whole URL the browser landed on), then press Enter: ")
		select {
		case <-ctx.Done():
			fmt.Fprintln(prompt)
			return "", ctx.Err()
		case err := <-readErr:
			fmt.Fprintln(prompt)
			return "", &Error{Kind: KindInput, Step: StepAuthorize,
				Err:    fmt.Errorf("no verifier: standard input ended (%v)", err),
				Advice: "Run bridge live --oob in a terminal and paste the verifier JIRA shows after you click Allow."}
		case line := <-lines:
			v, err := parseVerifier(line, requestToken)
			if err != nil {
				return "", err
			}
			if v != "" {
				return v, nil
			}
		}
	}
}

// parseVerifier takes one pasted line: a bare verifier, or a URL or query
// string with oauth_verifier. It returns "" for a blank line.
func parseVerifier(line, requestToken string) (string, error) {
	s := strings.Trim(strings.TrimSpace(line), `"'`)
	if s == "" {
		return "", nil
	}
	if strings.Contains(s, "oauth_verifier=") {
		query := s
		if i := strings.IndexByte(s, '?'); i >= 0 {
			query = s[i+1:]
		}
		if i := strings.IndexByte(query, '#'); i >= 0 {
			query = query[:i]
		}
		q, err := url.ParseQuery(query)
		if err != nil || q.Get("oauth_verifier") == "" {
			return "", &Error{Kind: KindInput, Step: StepAuthorize, Err: fmt.Errorf("the pasted text has no readable oauth_verifier: %q", s),
				Advice: "Paste only the verifier JIRA shows, or the whole URL the browser landed on."}
		}
		if tok := q.Get("oauth_token"); tok != "" && tok != requestToken {
			return "", &Error{Kind: KindMismatch, Step: StepAuthorize,
				Err:    errors.New("the pasted URL carries another request token than this run asked JIRA for"),
				Advice: "Paste the verifier of the approval this run printed, not an older one; or run bridge live --oob again."}
		}
		s = q.Get("oauth_verifier")
	}
	if s == DeniedVerifier {
		return "", deniedError()
	}
	if strings.ContainsAny(s, " \t&?=/") {
		return "", &Error{Kind: KindInput, Step: StepAuthorize, Err: fmt.Errorf("%q does not look like a verifier (JIRA's are short letters and digits)", s),
			Advice: "Paste only the verifier JIRA shows, or the whole URL the browser landed on."}
	}
	return s, nil
}
