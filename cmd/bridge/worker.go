package main

import (
	"os"

	"github.com/spf13/cobra"

	"github.com/jira-auth0-bridge/bridge/internal/sandbox"
)

// newWorkerCmd is the hidden subcommand a sandbox worker runs as
// (internal/sandbox): the parent re-executes this binary with it.
func newWorkerCmd() *cobra.Command {
	return &cobra.Command{
		Use:    sandbox.WorkerCommand,
		Hidden: true,
		Args:   cobra.NoArgs,
		Run:    func(*cobra.Command, []string) { sandbox.ServeWorker(os.Stdin, os.Stdout) },
	}
}
