package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/auth0"
	"github.com/jira-auth0-bridge/bridge/internal/connection"
	"github.com/jira-auth0-bridge/bridge/internal/credentials"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/keygen"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
	"github.com/jira-auth0-bridge/bridge/internal/render"
	"github.com/spf13/cobra"
)

// keygenFlags are the flags of `bridge keygen`.
type keygenFlags struct {
	out, domain, consumerKey, consumerName string
	bits                                   int
	force, asJSON                          bool
}

func newKeygenCmd() *cobra.Command {
	f := &keygenFlags{}
	cmd := &cobra.Command{
		Use:   "keygen [--out PREFIX] [--domain TENANT] [flags]",
		Short: "Make the RSA key pair of the JIRA consumer and print JIRA's Application Link settings",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return runKeygen(cmd, f) },
	}
	fs := cmd.Flags()
	fs.StringVar(&f.out, "out", "jira", "path prefix of the files: PREFIX.key and PREFIX.pub")
	fs.IntVar(&f.bits, "bits", 2048, fmt.Sprintf("RSA key size in bits, %d to %d", keys.MinBits, keys.MaxBits))
	fs.BoolVar(&f.force, "force", false, "overwrite existing PREFIX.key and PREFIX.pub (the old pair stops working once JIRA has the new public key)")
	fs.StringVar(&f.domain, "domain", "", "Auth0 tenant, e.g. example.eu.auth0.com, for the callback URL (env AUTH0_DOMAIN)")
	fs.StringVar(&f.consumerKey, "consumer-key", bridge.DefaultConsumerKey, "Consumer Key to give JIRA's incoming link (any URL-friendly name)")
	fs.StringVar(&f.consumerName, "consumer-name", "Auth0", "Consumer Name to give JIRA's incoming link (any name)")
	fs.BoolVar(&f.asJSON, "json", false, "print the result as one JSON object on stdout")
	return cmd
}

func runKeygen(cmd *cobra.Command, f *keygenFlags) error {
	if err := keygen.Check(f.out, f.bits); err != nil {
		return keygenErr(err)
	}
	if err := connection.CheckConsumerKey(f.consumerKey); err != nil {
		return connUsageErr(err)
	}
	base, err := connDomain(f.domain)
	if err != nil {
		return err
	}
	pair, err := keygen.Write(f.out, f.bits, f.force)
	if err != nil {
		return keygenErr(err)
	}
	res := render.LinkSettings{PrivateKeyFile: pair.KeyFile, PublicKeyFile: pair.PubFile, Bits: f.bits,
		ConsumerKey: f.consumerKey, ConsumerName: f.consumerName, PublicKey: pair.PublicPEM}
	tenant := ""
	if base != "" {
		t, _ := auth0.ParseTenant(base)
		res.CallbackURL, tenant = t.CallbackURL(), credentials.Domain(f.domain, os.Getenv)
	}
	render.KeygenNext(cmd.ErrOrStderr(), res, tenant)
	if f.asJSON {
		return render.JSON(cmd.OutOrStdout(), res)
	}
	return render.LinkSettingsText(cmd.OutOrStdout(), res)
}

// keygenFlagNames name the flag of each keygen input.
var keygenFlagNames = map[keygen.Field]string{keygen.FieldPrefix: "--out", keygen.FieldBits: "--bits"}

// keygenErr turns keygen's errors into bad usage (exit 2) naming the flags.
func keygenErr(err error) error {
	var ie *keygen.InputError
	var ee *keygen.ExistsError
	var we *keygen.WriteError
	switch {
	case errors.As(err, &ie):
		return exit.Usagef("%s %s: %s", keygenFlagNames[ie.Field], ie.Value, ie.Reason)
	case errors.As(err, &ee) && ee.Before:
		return exit.Usagef("%s exists: pass --force to replace the pair (JIRA must then get the new public key) or choose another --out", ee.Path)
	case errors.As(err, &ee):
		return exit.Usagef("%s exists: pass --force to replace it or choose another --out", ee.Path)
	case errors.As(err, &we):
		return exit.Usagef("writing %s: %v; check that its directory exists and is writable", we.Path, we.Err)
	}
	return exit.Usagef("%w", err)
}
