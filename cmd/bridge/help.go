package main

import (
	"embed"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jira-auth0-bridge/bridge/internal/cases"
)

// helpFiles hold each command's long help, help/NAME.txt (root.txt for
// bridge itself): prose, kept out of the code. After a line "Examples:" come
// the command's examples.
//
//go:embed help/*.txt
var helpFiles embed.FS

// helpVars are filled into the help texts.
var helpVars = strings.NewReplacer("{{ErrorKinds}}", cases.ErrorKinds)

// describe sets cmd's Long and Example from help/NAME.txt, if there is one.
func describe(cmd *cobra.Command, name string) {
	data, err := helpFiles.ReadFile("help/" + name + ".txt")
	if err != nil {
		return
	}
	text := helpVars.Replace(strings.TrimSuffix(string(data), "\n"))
	long, example, _ := strings.Cut(text, "\n\nExamples:\n")
	cmd.Long, cmd.Example = long, example
}
