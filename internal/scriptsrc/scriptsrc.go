// Package scriptsrc is the one place a fetchUserProfile script is loaded: the
// file a --script flag names, or the script shipped inside bridge
// (bridge.ShippedScript) when none is named.
package scriptsrc

import (
	"github.com/jira-auth0-bridge/bridge"

	"github.com/jira-auth0-bridge/bridge/internal/inputfile"
	"github.com/jira-auth0-bridge/bridge/internal/jira"
)

// Source is a script as written, with the JIRA_URL placeholder not yet
// rendered.
type Source struct {
	Name string // the file, or bridge.ShippedScriptName: what stacks and messages call it
	Text string
}

// Shipped is the script shipped inside bridge.
func Shipped() Source {
	return Source{Name: bridge.ShippedScriptName, Text: bridge.ShippedScript}
}

// Load reads the script at path, or returns Shipped when path is "". A file
// that cannot be read is the *os.PathError of the read ("open FILE: reason").
func Load(path string) (Source, error) {
	if path == "" {
		return Shipped(), nil
	}
	data, err := inputfile.Read(path, inputfile.MaxScript, "script")
	if err != nil {
		return Source{}, err
	}
	return Source{Name: path, Text: string(data)}, nil
}

// Sources maps the script's name to its text, for reports that quote the
// line of a stack frame (report.SourceAt).
func (s Source) Sources() map[string]string { return map[string]string{s.Name: s.Text} }

// Render fills base, a URL jira.NormalizeBaseURL returned (or a mock's URL),
// in wherever the script says JIRA_URL (jira.RenderScript): the script publish
// stores is rendered the same way.
func (s Source) Render(base string) string { return jira.RenderScript(s.Text, base) }
