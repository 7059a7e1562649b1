package migrate

import (
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/script"
	"github.com/jira-auth0-bridge/bridge/internal/scriptsrc"
)

// InputError is a script that cannot be loaded or compiled; Flag names it
// ("--compare-with" for the old one, "--script" for the new).
type InputError struct {
	Flag string
	Err  error
}

func (e *InputError) Error() string { return e.Flag + ": " + e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// Load compiles the OAuth 1.0a script at oldPath and the OAuth 2.0 script
// at newPath ("": the shipped one of each flavour) for the flavours flavor
// names ("" is both).
func Load(oldPath, newPath, flavor string) (Options, error) {
	o := Options{New: map[jiramock.Flavor]*script.Program{}}
	var err error
	if o.Old, err = compile("--compare-with", oldPath, "oauth1", ""); err != nil {
		return o, err
	}
	for _, f := range []jiramock.Flavor{jiramock.Server, jiramock.Cloud} {
		if flavor == "" || flavor == string(f) {
			if o.New[f], err = compile("--script", newPath, "oauth2", string(f)); err != nil {
				return o, err
			}
		}
	}
	return o, nil
}

func compile(flag, path, protocol, flavor string) (*script.Program, error) {
	src, err := scriptsrc.LoadFor(path, protocol, flavor)
	if err != nil {
		return nil, &InputError{Flag: flag, Err: err}
	}
	p, err := script.Compile(src.Name, src.Text)
	if err != nil {
		return nil, &InputError{Flag: flag, Err: err}
	}
	return p, nil
}
