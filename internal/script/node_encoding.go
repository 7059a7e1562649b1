package script

import (
	"encoding/base64"
	"encoding/hex"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// nodeEncoding is Node's normalizeEncoding (lib/internal/util.js): the
// encodings Buffer and friends accept, case-insensitively, with their
// aliases; "" for an unknown one.
func nodeEncoding(enc string) string {
	switch strings.ToLower(enc) {
	case "utf8", "utf-8":
		return "utf8"
	case "ucs2", "ucs-2", "utf16le", "utf-16le":
		return "utf16le"
	case "latin1", "binary":
		return "latin1"
	case "base64", "base64url", "hex", "ascii":
		return strings.ToLower(enc)
	}
	return ""
}

// codeUnits are s's UTF-16 code units, as a JavaScript string holds them.
func codeUnits(s string) []uint16 { return utf16.Encode([]rune(s)) }

// decodeNodeString is Buffer.from(s, enc)'s bytes (lib/buffer.js and
// src/string_bytes.cc): latin1 and ascii keep the low byte of each code
// unit; hex stops at the first pair that is not hex; base64 and base64url
// accept both alphabets, skip white space and stop at '='.
func decodeNodeString(s, enc string) []byte {
	switch enc {
	case "latin1", "ascii":
		u := codeUnits(s)
		b := make([]byte, len(u))
		for i, c := range u {
			b[i] = byte(c)
		}
		return b
	case "utf16le":
		u := codeUnits(s)
		b := make([]byte, 0, 2*len(u))
		for _, c := range u {
			b = append(b, byte(c), byte(c>>8))
		}
		return b
	case "hex":
		var b []byte
		for i := 0; i+1 < len(s); i += 2 {
			x, err := hex.DecodeString(s[i : i+2])
			if err != nil {
				break
			}
			b = append(b, x[0])
		}
		return b
	case "base64", "base64url":
		var clean strings.Builder
		for _, c := range s {
			switch {
			case c == '=':
				return decodeBase64Loose(clean.String())
			case c == '-':
				clean.WriteByte('+')
			case c == '_':
				clean.WriteByte('/')
			case c < 0x80 && (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'):
				clean.WriteRune(c)
			}
		}
		return decodeBase64Loose(clean.String())
	}
	return []byte(strings.ToValidUTF8(s, "\uFFFD"))
}

// decodeBase64Loose decodes unpadded base64, dropping a lone trailing
// character and the unused bits, as Node does.
func decodeBase64Loose(s string) []byte {
	if len(s)%4 == 1 {
		s = s[:len(s)-1]
	}
	b, err := base64.RawStdEncoding.DecodeString(s)
	if err != nil { // non-zero unused bits
		b, _ = base64.RawStdEncoding.WithPadding(base64.NoPadding).DecodeString(s)
	}
	if b == nil {
		b = []byte{}
	}
	return b
}

// encodeNodeString is buf.toString(enc): invalid UTF-8 becomes U+FFFD,
// ascii clears the high bit, base64url has no padding.
func encodeNodeString(b []byte, enc string) string {
	switch enc {
	case "latin1":
		r := make([]rune, len(b))
		for i, c := range b {
			r[i] = rune(c)
		}
		return string(r)
	case "ascii":
		r := make([]rune, len(b))
		for i, c := range b {
			r[i] = rune(c & 0x7f)
		}
		return string(r)
	case "utf16le":
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		}
		return string(utf16.Decode(u))
	case "hex":
		return hex.EncodeToString(b)
	case "base64":
		return base64.StdEncoding.EncodeToString(b)
	case "base64url":
		return base64.RawURLEncoding.EncodeToString(b)
	}
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		sb.WriteRune(r)
		b = b[n:]
	}
	return sb.String()
}
