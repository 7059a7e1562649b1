package render

import (
	"fmt"
	"io"

	"github.com/jira-auth0-bridge/bridge/internal/connection"
)

// IaC writes a connection rendered as infrastructure as code
// (connection.WriteIaC, `bridge connection --format terraform|deploy-cli`):
// what the format cannot carry as warnings on stderr, then on stdout the
// paths of the files written, one a line, and the rendering itself when no
// directory was given.
func IaC(stdout, stderr io.Writer, out connection.IaCOutput) error {
	Warnings(stderr, out.Warnings)
	for _, file := range out.Files {
		fmt.Fprintln(stdout, file)
	}
	_, err := stdout.Write(out.Stdout)
	return err
}
