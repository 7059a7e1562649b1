package cases

import (
	"fmt"
	"unicode/utf8"

	"github.com/jira-auth0-bridge/bridge/internal/inputfile"
)

// MaxDepth bounds the nesting of arrays and objects in a case file.
const MaxDepth = 512

// checkBounds refuses a case file over inputfile.MaxCaseFile, with invalid
// UTF-8, or nested deeper than MaxDepth, before any decoding: one pass, linear
// in the file's size, holding nothing per level.
func checkBounds(path string, data []byte) *Error {
	if len(data) > inputfile.MaxCaseFile {
		return &Error{File: path, Message: fmt.Sprintf("the case file is %d bytes, over the %d MiB limit: split it", len(data), inputfile.MaxCaseFile>>20)}
	}
	depth, inString := 0, false
	for i := 0; i < len(data); {
		c := data[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n <= 1 {
				return errAt(path, data, int64(i), "invalid UTF-8 (byte 0x%02x): save the file as UTF-8", c)
			}
			i += n
			continue
		}
		switch {
		case inString && c == '\\':
			i++ // the escaped byte is never a quote that ends the string
		case c == '"':
			inString = !inString
		case inString:
		case c == '[' || c == '{':
			if depth++; depth > MaxDepth {
				return errAt(path, data, int64(i), "arrays and objects nest deeper than %d levels here: flatten the case", MaxDepth)
			}
		case c == ']' || c == '}':
			depth--
		}
		i++
	}
	return nil
}
