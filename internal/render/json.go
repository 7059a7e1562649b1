package render

import (
	"encoding/json"
	"io"
)

// JSON writes v as indented JSON, without escaping <, > and & (URLs and
// scripts read as they are), as every --json document of bridge is written.
func JSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
