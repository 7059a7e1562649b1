package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/atomicfile"
	"github.com/jira-auth0-bridge/bridge/internal/auth0"
	"github.com/jira-auth0-bridge/bridge/internal/connection"
	"github.com/jira-auth0-bridge/bridge/internal/credentials"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
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
	stderr := cmd.ErrOrStderr()
	base, err := f.check()
	if err != nil {
		return err
	}
	res := render.LinkSettings{PrivateKeyFile: f.out + ".key", PublicKeyFile: f.out + ".pub", Bits: f.bits,
		ConsumerKey: f.consumerKey, ConsumerName: f.consumerName}
	if base != "" {
		t, _ := auth0.ParseTenant(base)
		res.CallbackURL = t.CallbackURL()
	}
	if res.PublicKey, err = f.writePair(res.PrivateKeyFile, res.PublicKeyFile); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "bridge: wrote %s (private key, mode 0600: keep it secret, it goes to Auth0 only) and %s (public key, for JIRA)\n", res.PrivateKeyFile, res.PublicKeyFile)
	tenant := "TENANT"
	if base != "" {
		tenant = credentials.Domain(f.domain, os.Getenv)
	} else {
		fmt.Fprintf(stderr, "bridge: give --domain TENANT (or AUTH0_DOMAIN) to fill in the Consumer Callback URL\n")
	}
	fmt.Fprintf(stderr, "bridge: next: paste these settings into JIRA, then run\n  bridge publish --jira-url JIRA_URL --consumer-key %s --private-key %s --public-key %s --domain %s\n", f.consumerKey, res.PrivateKeyFile, res.PublicKeyFile, tenant)
	if f.asJSON {
		return render.JSON(cmd.OutOrStdout(), res)
	}
	return render.LinkSettingsText(cmd.OutOrStdout(), res)
}

// check refuses bad flags (exit 2) and returns the tenant's base URL, or ""
// without --domain and AUTH0_DOMAIN.
func (f *keygenFlags) check() (string, error) {
	if f.out == "" || strings.HasSuffix(f.out, "/") || strings.HasSuffix(f.out, string(filepath.Separator)) {
		return "", exit.Usagef("--out %q: give a path prefix such as jira or keys/jira, not a directory", f.out)
	}
	if f.bits < keys.MinBits || f.bits > keys.MaxBits {
		return "", exit.Usagef("--bits %d: choose %d to %d; 2048 is what the Auth0 guide uses", f.bits, keys.MinBits, keys.MaxBits)
	}
	if err := connection.CheckConsumerKey(f.consumerKey); err != nil {
		return "", connUsageErr(err)
	}
	return connDomain(f.domain)
}

// writePair makes the key pair and writes it, never half of it, and returns
// the public key's PEM.
func (f *keygenFlags) writePair(keyFile, pubFile string) (string, error) {
	if !f.force {
		for _, p := range []string{keyFile, pubFile} {
			if _, err := os.Lstat(p); err == nil {
				return "", exit.Usagef("%s exists: pass --force to replace the pair (JIRA must then get the new public key) or choose another --out", p)
			}
		}
	}
	key, err := keys.Generate(f.bits)
	if err != nil {
		return "", exit.Usagef("%w", err)
	}
	pubPEM := keys.EncodePublic(&key.PublicKey)
	if err := atomicfile.WriteFile(keyFile, keys.EncodePKCS8(key), 0o600, f.force); err != nil {
		return "", keygenWriteErr(err, keyFile)
	}
	if err := atomicfile.WriteFile(pubFile, pubPEM, 0o644, f.force); err != nil {
		_ = os.Remove(keyFile) // no half pair
		return "", keygenWriteErr(err, pubFile)
	}
	return string(pubPEM), nil
}

func keygenWriteErr(err error, path string) error {
	if errors.Is(err, fs.ErrExist) {
		return exit.Usagef("%s exists: pass --force to replace it or choose another --out", path)
	}
	return exit.Usagef("writing %s: %v; check that its directory exists and is writable", path, err)
}
