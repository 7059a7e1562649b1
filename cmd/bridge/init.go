package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	bridge "github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/cases"
)

// initScriptName is the script file `bridge init` writes.
const initScriptName = "fetchUserProfile.js"

func newInitCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "init [DIR]",
		Short: "Start a suite of your own: a copy of the shipped script and the default cases",
		Long: `init writes DIR/` + initScriptName + ` (a copy of the shipped script) and DIR/cases
(a copy of the default suite), so that you can edit both and run

  bridge test --script DIR/` + initScriptName + ` --cases DIR/cases

DIR defaults to the current directory and is created if needed. init never
overwrites: if the script or the cases directory is already there, it writes
nothing and exits with 2.

stdout: the files written, one a line. stderr: what to do next.
Exit codes: 0 written; 2 something is already there, DIR cannot be written,
or more than one DIR.`,
		Example: `  bridge init jira-login
  bridge test --script jira-login/fetchUserProfile.js --cases jira-login/cases --watch`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			written, err := initSuite(dir)
			for _, f := range written {
				fmt.Fprintln(cmd.OutOrStdout(), f)
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "bridge: wrote %d files; next: bridge test --script %s --cases %s\n",
				len(written), filepath.Join(dir, initScriptName), filepath.Join(dir, "cases"))
			return nil
		},
	}
}

// initSuite writes the script and the cases into dir and returns the files
// written. It checks first that nothing would be overwritten.
func initSuite(dir string) ([]string, error) {
	scriptPath := filepath.Join(dir, initScriptName)
	casesPath := filepath.Join(dir, "cases")
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return nil, usageErr("init: %s is a file, not a directory: give a new or existing directory", dir)
	}
	var exist []string
	for _, p := range []string{scriptPath, casesPath} {
		if _, err := os.Lstat(p); err == nil {
			exist = append(exist, p)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, usageErr("init: %v", err)
		}
	}
	switch len(exist) {
	case 1:
		return nil, usageErr("init: %s already exists; init never overwrites: pick another DIR or move it away", exist[0])
	case 2:
		return nil, usageErr("init: %s already exist; init never overwrites: pick another DIR or move them away", strings.Join(exist, " and "))
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, usageErr("init: %v; give a directory you can write to", unwrapPathError(err))
	}
	var written []string
	if err := os.WriteFile(scriptPath, []byte(bridge.ShippedScript), 0o644); err != nil {
		return nil, usageErr("init: %v", err)
	}
	written = append(written, scriptPath)
	err := fs.WalkDir(bridge.DefaultCases, cases.DefaultDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.HasPrefix(d.Name(), ".") && p != cases.DefaultDir {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p, cases.DefaultDir), "/")
		target := filepath.Join(casesPath, filepath.FromSlash(rel))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := fs.ReadFile(bridge.DefaultCases, p)
		if err != nil {
			return err
		}
		if err := os.WriteFile(target, data, 0o644); err != nil {
			return err
		}
		written = append(written, target)
		return nil
	})
	if err != nil {
		return written, usageErr("init: copying the default cases: %v", err)
	}
	return written, nil
}
