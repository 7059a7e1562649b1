package main

import (
	"os"

	"github.com/jira-auth0-bridge/bridge/internal/auth0"
	"github.com/jira-auth0-bridge/bridge/internal/connection"
	"github.com/jira-auth0-bridge/bridge/internal/credentials"
	"github.com/jira-auth0-bridge/bridge/internal/keygen"
	"github.com/jira-auth0-bridge/bridge/internal/render"
	"github.com/spf13/cobra"
)

func newKeygenCmd() *cobra.Command {
	f := &keygen.Options{}
	cmd := &cobra.Command{
		Use:   "keygen [--out PREFIX] [--domain TENANT] [flags]",
		Short: "Make the RSA key pair of the JIRA consumer and print JIRA's Application Link settings",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return runKeygen(cmd, f) },
	}
	f.AddFlags(cmd.Flags())
	return cmd
}

func runKeygen(cmd *cobra.Command, f *keygen.Options) error {
	if err := keygen.Check(f.Out, f.Bits); err != nil {
		return keygen.UsageErr(err)
	}
	if err := connection.CheckConsumerKey(f.ConsumerKey); err != nil {
		return connUsageErr(err)
	}
	base, err := connDomain(f.Domain)
	if err != nil {
		return err
	}
	pair, err := keygen.Write(f.Out, f.Bits, f.Force)
	if err != nil {
		return keygen.UsageErr(err)
	}
	res := render.LinkSettings{PrivateKeyFile: pair.KeyFile, PublicKeyFile: pair.PubFile, Bits: f.Bits,
		ConsumerKey: f.ConsumerKey, ConsumerName: f.ConsumerName, PublicKey: pair.PublicPEM}
	tenant := ""
	if base != "" {
		t, _ := auth0.ParseTenant(base)
		res.CallbackURL, tenant = t.CallbackURL(), credentials.Domain(f.Domain, os.Getenv)
	}
	render.KeygenNext(cmd.ErrOrStderr(), res, tenant)
	if f.JSON {
		return render.JSON(cmd.OutOrStdout(), res)
	}
	return render.LinkSettingsText(cmd.OutOrStdout(), res)
}
