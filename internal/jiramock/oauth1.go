package jiramock

import (
	"fmt"
	"sort"
	"strings"
)

// oauth1Provider is the mock's OAuth 1.0a provider (docs/jira.md "OAuth 1.0a
// provider"): the token endpoints (tokens.go), the approval page
// (authorize.go) and the RSA-SHA1 validator (verify.go). It reads the Mock's
// consumers, nonces and tokens; Mock composes it next to oauth2Provider so
// that neither grows into a god type.
type oauth1Provider struct{ m *Mock }

func (o1 oauth1Provider) consumerKeys() string {
	s := o1.m
	keys := make([]string, 0, len(s.consumers))
	for k := range s.consumers {
		keys = append(keys, fmt.Sprintf("%q", k))
	}
	sort.Strings(keys)
	return strings.Join(keys, ", ")
}
