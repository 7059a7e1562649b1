package migrate

import (
	"context"
	"fmt"
	"io"
)

// Compare is `bridge test --compare-with`: it says on stderr what it
// compares, runs o (Run) and writes the report on stdout, as one JSON
// document when asJSON (WriteJSON), else for people (WriteText). The report
// is returned for the verdict: a user whose user_id, email or
// email_verified changes is a failed check (docs/migration.md).
func Compare(ctx context.Context, o Options, asJSON bool, stdout, stderr io.Writer) (*Report, error) {
	fmt.Fprintf(stderr, "bridge: comparing %s (oauth1) with the oauth2 script of %d flavour(s) over the mock's users\n", o.Old.Filename(), len(o.New))
	rep, err := Run(ctx, o)
	if err != nil {
		return nil, err
	}
	if asJSON {
		return rep, WriteJSON(stdout, rep)
	}
	return rep, WriteText(stdout, rep)
}
