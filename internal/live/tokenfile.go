package live

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/jira-auth0-bridge/bridge/internal/atomicfile"
)

// TokenFile is what --save-token writes and `bridge run --token-file` reads: an
// access token for one consumer on one JIRA. The token secret is a secret; the
// file is written with mode 0600.
type TokenFile struct {
	JIRAURL     string `json:"jira_url"`
	ConsumerKey string `json:"consumer_key"`
	Token       string `json:"token"`
	TokenSecret string `json:"token_secret"`
}

// WriteTokenFile writes tf to path with mode 0600, never partially
// (atomicfile.WriteFile: a synced temporary file in the same directory renamed
// over path). An existing file at path is replaced.
func WriteTokenFile(path string, tf TokenFile) error {
	data, err := json.MarshalIndent(tf, "", "  ")
	if err != nil {
		return fmt.Errorf("live: encoding the token file: %v", err)
	}
	data = append(data, '\n')
	if err := atomicfile.WriteFile(path, data, 0o600, atomicfile.Replace); err != nil {
		return fmt.Errorf("live: cannot write the token file %s: %w; check that the directory exists and is writable", path, err)
	}
	return nil
}

// ReadTokenFile reads a token file written by WriteTokenFile. Every field must
// be set. Errors name the file, and for bad JSON the line and column.
func ReadTokenFile(path string) (TokenFile, error) {
	var tf TokenFile
	data, err := os.ReadFile(path)
	if err != nil {
		return tf, fmt.Errorf("live: reading the token file: %v; write one with bridge live --save-token FILE", err)
	}
	if err := json.Unmarshal(data, &tf); err != nil {
		where := path
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			off := se.Offset // just past the byte that failed
			if strings.HasPrefix(se.Error(), "invalid character") {
				off-- // point at that character
			}
			where = fmt.Sprintf("%s:%s", path, lineCol(data, off))
		case errors.As(err, &te):
			where = fmt.Sprintf("%s:%s", path, lineCol(data, te.Offset))
		}
		return tf, fmt.Errorf("live: token file %s: not valid JSON: %w; write it with bridge live --save-token", where, err)
	}
	for _, f := range []struct{ name, v string }{
		{"jira_url", tf.JIRAURL}, {"consumer_key", tf.ConsumerKey}, {"token", tf.Token}, {"token_secret", tf.TokenSecret},
	} {
		if f.v == "" {
			return tf, fmt.Errorf("live: token file %s has no %q; write it with bridge live --save-token", path, f.name)
		}
	}
	return tf, nil
}

// lineCol is the 1-based "line:column" of byte offset off in data.
func lineCol(data []byte, off int64) string {
	off = min(max(off, 0), int64(len(data)))
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int64(len(before)) - int64(bytes.LastIndexByte(before, '\n'))
	return fmt.Sprintf("%d:%d", line, col)
}
