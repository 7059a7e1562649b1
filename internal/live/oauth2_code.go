package live

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/url"
	"strings"
)

// ReadCode reads what the person pastes with --oob after approving: the
// whole URL the browser landed on (its state must be this run's), its query,
// or the bare code. It prompts on prompt and skips blank lines.
func ReadCode(ctx context.Context, in io.Reader, prompt io.Writer, state string) (string, error) {
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
		fmt.Fprint(prompt, "Paste the whole URL the browser landed on after you clicked Allow (or just its code), then press Enter: ")
		select {
		case <-ctx.Done():
			fmt.Fprintln(prompt)
			return "", ctx.Err()
		case err := <-readErr:
			fmt.Fprintln(prompt)
			return "", &Error{Kind: KindInput, Step: StepAuthorize,
				Err:    fmt.Errorf("no code: standard input ended (%v)", err),
				Advice: "Run bridge live --oob in a terminal and paste the URL the browser lands on after you click Allow."}
		case line := <-lines:
			s := strings.Trim(strings.TrimSpace(line), `"'`)
			if s == "" {
				continue
			}
			if !strings.Contains(s, "code=") && !strings.Contains(s, "error=") {
				if strings.ContainsAny(s, " \t&?=/#") {
					return "", &Error{Kind: KindInput, Step: StepAuthorize, Err: fmt.Errorf("%q is neither a URL with code= nor a code", s),
						Advice: "Paste the whole URL the browser landed on after Allow."}
				}
				return s, nil // a bare code: its state cannot be checked
			}
			query := s
			if i := strings.IndexByte(s, '?'); i >= 0 {
				query = s[i+1:]
			}
			if i := strings.IndexByte(query, '#'); i >= 0 {
				query = query[:i]
			}
			q, err := url.ParseQuery(query)
			if err != nil {
				return "", &Error{Kind: KindInput, Step: StepAuthorize, Err: fmt.Errorf("the pasted URL does not parse: %v", err),
					Advice: "Paste the whole URL the browser landed on after Allow."}
			}
			return codeFrom(q, state)
		}
	}
}
