package keys

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"strings"
)

// damagedBlock explains why pem.Decode found no block in data although data
// has a "-----BEGIN TYPE-----" line whose TYPE passes want: the block has no
// END line, or its body is not base64 (RFC 7468 §2). It returns nil when data
// has no such BEGIN line at all: then there is no PEM block to speak of.
func damagedBlock(data []byte, want func(string) bool, source, hint string) error {
	lines := strings.Split(string(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))), "\n")
	for i := 0; i < len(lines); i++ {
		typ, ok := pemLabel(lines[i], "-----BEGIN ")
		if !ok || !want(typ) {
			continue
		}
		begin := i + 1 // 1-based line of the BEGIN line
		var body strings.Builder
		bad := 0 // 1-based line of the first line that is not base64
		for i++; i < len(lines); i++ {
			line := strings.TrimSpace(lines[i])
			if end, ok := pemLabel(line, "-----END "); ok {
				if end != typ {
					return keyErr(source, ErrDamagedPEM,
						fmt.Sprintf("%q block of line %d ends with END %s on line %d", typ, begin, end, i+1), hint)
				}
				if bad != 0 {
					return keyErr(source, ErrDamagedPEM,
						fmt.Sprintf("%q block of line %d: line %d is not base64", typ, begin, bad), hint)
				}
				if _, err := base64.StdEncoding.DecodeString(body.String()); err != nil {
					return keyErr(source, ErrDamagedPEM,
						fmt.Sprintf("%q block of line %d: its base64 is cut short or padded wrongly", typ, begin), hint)
				}
				// The body decodes: what pem.Decode disliked is elsewhere
				// (e.g. a malformed header); still a damaged block.
				return keyErr(source, ErrDamagedPEM, fmt.Sprintf("%q block of line %d", typ, begin), hint)
			}
			if line == "" || (body.Len() == 0 && strings.Contains(line, ":")) {
				continue // the blank line or a header (Proc-Type: …) before the body
			}
			if bad == 0 && !isBase64Line(line) {
				bad = i + 1
			}
			body.WriteString(line)
		}
		return keyErr(source, ErrDamagedPEM,
			fmt.Sprintf("%q block of line %d has no -----END %s----- line: the file is cut short", typ, begin, typ), hint)
	}
	if bytes.Contains(data, []byte("-----BEGIN ")) && bytes.Contains(data, []byte(`\n`)) {
		return keyErr(source, ErrDamagedPEM, `its line breaks are written "\n", as in a JSON string`,
			"write the PEM with real line breaks (e.g. `jq -r` on the JSON, or `printf '%b'`), or "+hint)
	}
	return nil
}

// pemLabel returns TYPE of a "-----BEGIN TYPE-----" (prefix "-----BEGIN ") or
// "-----END TYPE-----" line.
func pemLabel(line, prefix string) (string, bool) {
	line = strings.TrimSpace(line)
	rest, ok := strings.CutPrefix(line, prefix)
	if !ok {
		return "", false
	}
	label, ok := strings.CutSuffix(rest, "-----")
	if !ok || label == "" {
		return "", false
	}
	// RFC 7468 §3: a label is printable characters but '-'; the labels of
	// keys are capitals and spaces. Anything else is not a PEM boundary.
	for i := 0; i < len(label); i++ {
		if c := label[i]; !('A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == ' ') {
			return "", false
		}
	}
	return label, true
}

func isBase64Line(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '+' || c == '/' || c == '=') {
			return false
		}
	}
	return true
}
