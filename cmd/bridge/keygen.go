package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/atomicfile"
	"github.com/jira-auth0-bridge/bridge/internal/auth0"
	"github.com/jira-auth0-bridge/bridge/internal/connection"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
	"github.com/spf13/cobra"
)

func init() { commands = append(commands, newKeygenCmd) }

// keygenResult is what `bridge keygen` reports: the files and the settings of
// JIRA's Application Link (Auth0 JIRA guide, step 2).
type keygenResult struct {
	PrivateKeyFile string `json:"private_key_file"`
	PublicKeyFile  string `json:"public_key_file"`
	Bits           int    `json:"bits"`
	ConsumerKey    string `json:"consumer_key"`
	ConsumerName   string `json:"consumer_name"`
	PublicKey      string `json:"public_key"`
	CallbackURL    string `json:"callback_url,omitempty"` // "" when no --domain
}

func newKeygenCmd() *cobra.Command {
	var (
		out          string
		bits         int
		force        bool
		domain       string
		consumerKey  string
		consumerName string
		asJSON       bool
	)
	cmd := &cobra.Command{
		Use:   "keygen [--out PREFIX] [--domain TENANT] [flags]",
		Short: "Make the RSA key pair of the JIRA consumer and print JIRA's Application Link settings",
		Long: `keygen makes the RSA key pair of the Auth0 JIRA guide's step 1:
PREFIX.key, the private key (PKCS#8 PEM, mode 0600), which goes to Auth0 as the
connection's client_secret, and PREFIX.pub, the public key (PKIX PEM), which is
pasted into JIRA. Existing files are never overwritten unless --force; a file
is either written whole or not at all.

stdout: the settings of JIRA's Application Link (the guide's step 2), ready to
paste: the link itself, then the incoming link's consumer key, consumer name,
callback URL (https://TENANT/login/callback, given --domain) and the public
key. With --json, the same as one JSON object.
stderr: the files written and what to do next.

Exit codes: 0 ok; 2 bad input, or a file exists (named; --force replaces it).`,
		Example: `  bridge keygen --domain example.eu.auth0.com
  bridge keygen --out keys/jira-prod --consumer-key auth0-jira-prod --json`,
		Args: cobra.NoArgs,
	}
	fs := cmd.Flags()
	fs.StringVar(&out, "out", "jira", "path prefix of the files: PREFIX.key and PREFIX.pub")
	fs.IntVar(&bits, "bits", 2048, fmt.Sprintf("RSA key size in bits, %d to %d", keys.MinBits, keys.MaxBits))
	fs.BoolVar(&force, "force", false, "overwrite existing PREFIX.key and PREFIX.pub (the old pair stops working once JIRA has the new public key)")
	fs.StringVar(&domain, "domain", "", "Auth0 tenant, e.g. example.eu.auth0.com, for the callback URL (env AUTH0_DOMAIN)")
	fs.StringVar(&consumerKey, "consumer-key", bridge.DefaultConsumerKey, "Consumer Key to give JIRA's incoming link (any URL-friendly name)")
	fs.StringVar(&consumerName, "consumer-name", "Auth0", "Consumer Name to give JIRA's incoming link (any name)")
	fs.BoolVar(&asJSON, "json", false, "print the result as one JSON object on stdout")

	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		stderr := cmd.ErrOrStderr()
		if out == "" || strings.HasSuffix(out, "/") || strings.HasSuffix(out, string(filepath.Separator)) {
			return usageErr("--out %q: give a path prefix such as jira or keys/jira, not a directory", out)
		}
		if bits < keys.MinBits || bits > keys.MaxBits {
			return usageErr("--bits %d: choose %d to %d; 2048 is what the Auth0 guide uses", bits, keys.MinBits, keys.MaxBits)
		}
		if err := connection.CheckConsumerKey(consumerKey); err != nil {
			return &exitError{Code: ExitUsage, Err: err}
		}
		callback := ""
		base, err := connDomain(domain)
		if err != nil {
			return err
		}
		if base != "" {
			t, _ := auth0.ParseTenant(base)
			callback = t.CallbackURL()
		}
		keyFile, pubFile := out+".key", out+".pub"
		if !force {
			for _, f := range []string{keyFile, pubFile} {
				if _, err := os.Lstat(f); err == nil {
					return usageErr("%s exists: pass --force to replace the pair (JIRA must then get the new public key) or choose another --out", f)
				}
			}
		}
		key, err := keys.Generate(bits)
		if err != nil {
			return usageErr("%w", err)
		}
		pubPEM := keys.EncodePublic(&key.PublicKey)
		if err := atomicfile.WriteFile(keyFile, keys.EncodePKCS8(key), 0o600, force); err != nil {
			return keygenWriteErr(err, keyFile)
		}
		if err := atomicfile.WriteFile(pubFile, pubPEM, 0o644, force); err != nil {
			_ = os.Remove(keyFile) // no half pair
			return keygenWriteErr(err, pubFile)
		}
		res := keygenResult{
			PrivateKeyFile: keyFile, PublicKeyFile: pubFile, Bits: bits,
			ConsumerKey: consumerKey, ConsumerName: consumerName,
			PublicKey: string(pubPEM), CallbackURL: callback,
		}
		fmt.Fprintf(stderr, "bridge: wrote %s (private key, mode 0600: keep it secret, it goes to Auth0 only) and %s (public key, for JIRA)\n", keyFile, pubFile)
		if callback == "" {
			fmt.Fprintf(stderr, "bridge: give --domain TENANT (or AUTH0_DOMAIN) to fill in the Consumer Callback URL\n")
		}
		tenant := "TENANT"
		if base != "" {
			tenant = domain
			if tenant == "" {
				tenant = os.Getenv("AUTH0_DOMAIN")
			}
		}
		fmt.Fprintf(stderr, "bridge: next: paste these settings into JIRA, then run\n  bridge publish --jira-url JIRA_URL --consumer-key %s --private-key %s --public-key %s --domain %s\n", consumerKey, keyFile, pubFile, tenant)
		if asJSON {
			enc := json.NewEncoder(cmd.OutOrStdout())
			enc.SetIndent("", "  ")
			return enc.Encode(res)
		}
		return printLinkSettings(cmd.OutOrStdout(), res)
	}
	return cmd
}

// printLinkSettings prints the JIRA Application Link settings of the Auth0
// JIRA guide's step 2.
func printLinkSettings(w io.Writer, r keygenResult) error {
	callback := r.CallbackURL
	if callback == "" {
		callback = "https://YOUR_TENANT/login/callback"
	}
	appURL := "any URL (ignore JIRA's \"No response was received from the URL\" warning)"
	_, err := fmt.Fprintf(w, `JIRA: Administration > Applications > Application Links > Create link
  Application URL:       %s
  Application Name:      %s
  Application Type:      Generic Application
  Create incoming link:  checked (leave all other options blank)

Incoming link (later: the link's Incoming Authentication):
  Consumer Key:          %s
  Consumer Name:         %s
  Consumer Callback URL: %s
  Public Key:            the whole of %s:

%s`, appURL, r.ConsumerName, r.ConsumerKey, r.ConsumerName, callback, r.PublicKeyFile, r.PublicKey)
	return err
}

func keygenWriteErr(err error, path string) error {
	if errors.Is(err, fs.ErrExist) {
		return usageErr("%s exists: pass --force to replace it or choose another --out", path)
	}
	return usageErr("writing %s: %v; check that its directory exists and is writable", path, err)
}
