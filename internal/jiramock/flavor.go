package jiramock

import "fmt"

// Flavor selects which JIRA the mock plays: Server/Data Center or Cloud
// (docs/jira.md "REST shapes"). It changes the REST shapes, never the OAuth rules.
type Flavor string

const (
	// Server is JIRA Server/Data Center: users have name and key, replies carry
	// X-AUSERNAME.
	Server Flavor = "server"
	// Cloud is JIRA Cloud after the 2019 privacy changes: users are named by
	// accountId, ?username= is refused in GDPR strict mode, replies carry
	// X-AACCOUNTID.
	Cloud Flavor = "cloud"
)

// ParseFlavor reads "server" or "cloud".
func ParseFlavor(s string) (Flavor, error) {
	switch f := Flavor(s); f {
	case Server, Cloud:
		return f, nil
	}
	return "", fmt.Errorf("jiramock: unknown flavor %q: use %q or %q", s, Server, Cloud)
}

func (f Flavor) orDefault(def Flavor) Flavor {
	if f == "" {
		return def
	}
	return f
}
