package migrate

import (
	"encoding/json"
	"fmt"
	"io"
)

// WriteText writes the report for people: per user, "same" or each field
// that changes, and what the move does to the Auth0 identity
// (docs/migration.md).
func WriteText(w io.Writer, r *Report) error {
	for _, u := range r.Users {
		state := "same user_id, email and email_verified"
		if len(u.Diffs) > 0 {
			state = fmt.Sprintf("%d difference(s)", len(u.Diffs))
		}
		fmt.Fprintf(w, "%-6s %s: %s\n", u.Flavor, u.ID, state)
		if u.OldError != "" {
			fmt.Fprintf(w, "       oauth1 script gave no profile: %s\n", u.OldError)
		}
		if u.NewError != "" {
			fmt.Fprintf(w, "       oauth2 script gave no profile: %s\n", u.NewError)
		}
		for _, d := range u.Diffs {
			fmt.Fprintf(w, "       %s: %s -> %s\n", d.Field, show(d.Old), show(d.New))
			if d.Field == "user_id" {
				fmt.Fprintf(w, "       Auth0 will see a new person: link the accounts (docs/migration.md) or keep the old user_id in the new script\n")
			}
		}
	}
	_, err := fmt.Fprintf(w, "%d of %d users change; every user's Auth0 id moves from the oauth1 connection to oauth2|<new connection>|<user_id> (docs/migration.md)\n",
		r.Changed, len(r.Users))
	return err
}

// WriteJSON writes the report as one JSON document.
func WriteJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

func show(v any) string {
	if v == nil {
		return "(none)"
	}
	b, _ := json.Marshal(v)
	return string(b)
}
