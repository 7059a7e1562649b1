package keygen

import (
	"errors"
	"fmt"

	"github.com/spf13/pflag"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
)

// Options are the flags of `bridge keygen`, kubectl's options-struct way
// (https://github.com/kubernetes/kubectl, pkg/cmd/*: AddFlags on the type
// that holds the inputs), so a renamed flag touches this package alone.
type Options struct {
	Out, Domain, ConsumerKey, ConsumerName string
	Bits                                   int
	Force, JSON                            bool
}

// AddFlags registers the flags of `bridge keygen`.
func (o *Options) AddFlags(fs *pflag.FlagSet) {
	fs.StringVar(&o.Out, "out", "jira", "path prefix of the files: PREFIX.key and PREFIX.pub")
	fs.IntVar(&o.Bits, "bits", 2048, fmt.Sprintf("RSA key size in bits, %d to %d", keys.MinBits, keys.MaxBits))
	fs.BoolVar(&o.Force, "force", false, "overwrite existing PREFIX.key and PREFIX.pub (the old pair stops working once JIRA has the new public key)")
	fs.StringVar(&o.Domain, "domain", "", "Auth0 tenant, e.g. example.eu.auth0.com, for the callback URL (env AUTH0_DOMAIN)")
	fs.StringVar(&o.ConsumerKey, "consumer-key", bridge.DefaultConsumerKey, "Consumer Key to give JIRA's incoming link (any URL-friendly name)")
	fs.StringVar(&o.ConsumerName, "consumer-name", "Auth0", "Consumer Name to give JIRA's incoming link (any name)")
	fs.BoolVar(&o.JSON, "json", false, "print the result as one JSON object on stdout")
}

// flagNames name the flag of each input.
var flagNames = map[Field]string{FieldPrefix: "--out", FieldBits: "--bits"}

// UsageErr turns the errors of Check and Write into bad usage (exit 2,
// README "Exit codes") naming the flags.
func UsageErr(err error) error {
	var ie *InputError
	var ee *ExistsError
	var we *WriteError
	switch {
	case errors.As(err, &ie):
		return exit.Usagef("%s %s: %s", flagNames[ie.Field], ie.Value, ie.Reason)
	case errors.As(err, &ee) && ee.Before:
		return exit.Usagef("%s exists: pass --force to replace the pair (JIRA must then get the new public key) or choose another --out", ee.Path)
	case errors.As(err, &ee):
		return exit.Usagef("%s exists: pass --force to replace it or choose another --out", ee.Path)
	case errors.As(err, &we):
		return exit.Usagef("writing %s: %v; check that its directory exists and is writable", we.Path, we.Err)
	}
	return exit.Usagef("%w", err)
}
