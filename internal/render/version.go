package render

import (
	"fmt"
	"io"

	"github.com/jira-auth0-bridge/bridge/internal/version"
)

// Version writes `bridge version`: the line of `bridge --version`
// (version.Info.String), or with asJSON the version, commit and Go version
// as one object.
func Version(w io.Writer, v version.Info, asJSON bool) error {
	if asJSON {
		return JSON(w, v)
	}
	_, err := fmt.Fprintln(w, v.String())
	return err
}
