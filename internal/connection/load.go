package connection

import "context"

// Load reads and checks the settings the user gave: ReadFiles (p's key
// files and the script file scriptPath), then Validate. The warnings are for
// stderr, in the order they were found: ReadFiles's (also when the error is
// not nil), then, once the settings are valid, Validate's and the
// ReachabilityWarning of the JIRA URL (r nil: net.DefaultResolver). The
// error is ReadFiles's *FileError or Validate's problems (Problems, Named).
func Load(ctx context.Context, p Params, scriptPath string, r Resolver) (*Validated, []string, error) {
	p, warnings, err := ReadFiles(p, scriptPath)
	if err != nil {
		return nil, warnings, err
	}
	v, err := Validate(p)
	if err != nil {
		return nil, warnings, err
	}
	warnings = append(warnings, v.Warnings...)
	if w := ReachabilityWarning(ctx, v.JIRAURL, r); w != "" {
		warnings = append(warnings, w)
	}
	return v, warnings, nil
}
