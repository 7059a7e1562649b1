package jsonwebtoken

import (
	"encoding/base64"
	"strings"
	"unicode/utf8"

	"github.com/jira-auth0-bridge/bridge/internal/nodemod/nodebuf"
)

// decodeBase64 decodes s as Node's Buffer.from(s, 'base64') does
// (https://nodejs.org/api/buffer.html#buffers-and-character-encodings): it
// accepts both the standard and the URL-safe alphabet, skips characters
// outside them, and stops at the first '='.
func decodeBase64(s string) []byte {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '=':
			goto done
		case r == '-':
			b.WriteByte('+')
		case r == '_':
			b.WriteByte('/')
		case r == '+' || r == '/' || r < utf8.RuneSelf && (r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
			b.WriteRune(r)
		}
	}
done:
	clean := b.String()
	if len(clean)%4 == 1 {
		clean = clean[:len(clean)-1]
	}
	out, _ := base64.RawStdEncoding.DecodeString(clean)
	return out
}

// encodeString turns a string into bytes for encoding "latin1" (each
// character's low byte, Node's 'binary'; astral characters, which are two
// UTF-16 units in Node, are one here) or anything else as UTF-8.
func encodeString(s string, encoding string) []byte {
	if encoding == "latin1" || encoding == "binary" {
		var out []byte
		for _, r := range s {
			out = append(out, byte(r))
		}
		return out
	}
	return []byte(s)
}

// decodeString turns bytes into a JS string: latin1 maps each byte to one
// character; UTF-8 as Buffer#toString does.
func decodeString(b []byte, encoding string) string {
	if encoding == "latin1" || encoding == "binary" {
		r := make([]rune, len(b))
		for i, c := range b {
			r[i] = rune(c)
		}
		return string(r)
	}
	return nodebuf.DecodeUTF8(b)
}

// base64url is jws's base64url (lib/sign-stream.js L9-L16): padding removed.
func base64url(b []byte) string {
	return base64.RawURLEncoding.EncodeToString(b)
}
