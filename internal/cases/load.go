package cases

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	bridge "github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/inputfile"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
)

// DefaultDir is where the default suite lives in the repository, and the name
// its files carry in messages.
const DefaultDir = "testdata/cases"

// LoadDir loads every case below dir on disk.
func LoadDir(dir string) ([]*Case, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("cases: %w: give --cases an existing directory of case files", err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("cases: %s is not a directory: give --cases the directory that holds the *.json case files", dir)
	}
	return Load(os.DirFS(dir), ".", dir)
}

// Default loads the default suite embedded in the binary (bridge.DefaultCases),
// whose expectations belong to the shipped script.
func Default() ([]*Case, error) {
	return Load(bridge.DefaultCases, DefaultDir, DefaultDir)
}

// Load loads every *.json file below root in fsys, in lexical path order.
// display is the directory name used in messages. Names of files and
// directories starting with "." are skipped. Every bad file is reported: the
// error is then an ErrorList.
func Load(fsys fs.FS, root, display string) ([]*Case, error) {
	var (
		out []*Case
		bad ErrorList
	)
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !strings.HasSuffix(d.Name(), ".json") {
			return nil
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p, root), "/")
		if root == "." {
			rel = p
		}
		name := strings.TrimSuffix(rel, ".json")
		file := filepath.Join(display, filepath.FromSlash(rel))
		data, err := inputfile.ReadFS(fsys, p, file, inputfile.MaxCaseFile, "case file")
		if err != nil {
			msg := "cannot read: " + err.Error()
			var ie *inputfile.Error
			if errors.As(err, &ie) {
				msg = ie.Message
			}
			bad = append(bad, &Error{File: file, Message: msg})
			return nil
		}
		c, err := Parse(name, file, data)
		if err != nil {
			var list ErrorList
			var e *Error
			switch {
			case errors.As(err, &list):
				bad = append(bad, list...)
			case errors.As(err, &e):
				bad = append(bad, e)
			default:
				bad = append(bad, &Error{File: file, Message: err.Error()})
			}
			return nil
		}
		out = append(out, c)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("cases: reading %s: %w", display, err)
	}
	if len(bad) > 0 {
		return nil, bad
	}
	if len(out) == 0 {
		return nil, ErrorList{{File: display, Message: "no case files (*.json) here: write one (see `bridge init`) or point --cases elsewhere"}}
	}
	return out, nil
}

// Filter keeps the cases whose name run matches (nil: all) and, when flavor is
// not empty, whose flavor is flavor. Order is kept.
func Filter(cs []*Case, run *regexp.Regexp, flavor jiramock.Flavor) []*Case {
	var out []*Case
	for _, c := range cs {
		if run != nil && !run.MatchString(c.Name) {
			continue
		}
		if flavor != "" && c.Flavor != flavor {
			continue
		}
		out = append(out, c)
	}
	return out
}
