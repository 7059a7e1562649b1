package jiramock

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/jira-auth0-bridge/bridge"
)

// User is one JIRA user object, served verbatim (Raw); the other fields index
// it. Its shape is JIRA's own (docs/jira.md "REST shapes"): name/key on Server, accountId on
// Cloud, emailAddress possibly absent.
type User struct {
	Raw          json.RawMessage
	Name         string
	Key          string
	AccountID    string
	DisplayName  string
	EmailAddress string
}

// ID names the user: its name (Server), or its accountId when it has no name
// (Cloud).
func (u User) ID() string {
	if u.Name != "" {
		return u.Name
	}
	return u.AccountID
}

// ParseUser reads one JIRA user object. It must carry a name or an accountId.
func ParseUser(data []byte) (User, error) {
	u, _, err := parseUser(data)
	return u, err
}

// parseUser is ParseUser that also says at which byte offset of data the
// problem is, for file:line messages.
func parseUser(data []byte) (User, int64, error) {
	trimmed := bytes.TrimSpace(data)
	lead := int64(len(data) - len(bytes.TrimLeft(data, " \t\r\n")))
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return User{}, lead, errors.New("jiramock: a user must be a JSON object like JIRA's /rest/api/2/user answer")
	}
	var f struct {
		Name         *string `json:"name"`
		Key          *string `json:"key"`
		AccountID    *string `json:"accountId"`
		DisplayName  *string `json:"displayName"`
		EmailAddress *string `json:"emailAddress"`
	}
	if err := json.Unmarshal(trimmed, &f); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return User{}, lead + se.Offset, fmt.Errorf("jiramock: bad JSON: %v", se)
		case errors.As(err, &te):
			return User{}, lead + te.Offset, fmt.Errorf("jiramock: field %q must be a %s, not %s", te.Field, te.Type, te.Value)
		}
		return User{}, lead, fmt.Errorf("jiramock: bad user: %w", err)
	}
	s := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	u := User{
		Raw:          json.RawMessage(trimmed),
		Name:         s(f.Name),
		Key:          s(f.Key),
		AccountID:    s(f.AccountID),
		DisplayName:  s(f.DisplayName),
		EmailAddress: s(f.EmailAddress),
	}
	if u.ID() == "" {
		return User{}, lead, errors.New(`jiramock: the user has neither "name" (Server) nor "accountId" (Cloud): add one so the mock can name it`)
	}
	return u, 0, nil
}

// LoadUsers reads users from a file holding one user object or an array of
// them, or from a directory of *.json files read in sorted order. Errors name
// the file and line. Two users with the same ID are refused.
func LoadUsers(p string) ([]User, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, fmt.Errorf("jiramock: users: %w", err)
	}
	var files []string
	if st.IsDir() {
		files, err = filepath.Glob(filepath.Join(p, "*.json"))
		if err != nil {
			return nil, fmt.Errorf("jiramock: users: %w", err)
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("jiramock: users: directory %s has no *.json files: put one JIRA user object per file", p)
		}
		sort.Strings(files)
	} else {
		files = []string{p}
	}
	var users []User
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("jiramock: users: %w", err)
		}
		us, err := parseUserFile(f, data)
		if err != nil {
			return nil, err
		}
		users = append(users, us...)
	}
	if err := checkUniqueIDs(users); err != nil {
		return nil, err
	}
	return users, nil
}

// parseUserFile reads one file: a user object or an array of user objects.
func parseUserFile(name string, data []byte) ([]User, error) {
	at := func(off int64, err error) error {
		msg := strings.TrimPrefix(err.Error(), "jiramock: ")
		return fmt.Errorf("jiramock: %s:%d: %s", name, lineAt(data, off), msg)
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 {
		return nil, fmt.Errorf("jiramock: %s: empty file: expected a JIRA user object or an array of them", name)
	}
	if trimmed[0] != '[' {
		u, off, err := parseUser(data)
		if err != nil {
			return nil, at(off, err)
		}
		return []User{u}, nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil {
		return nil, at(dec.InputOffset(), err)
	}
	var users []User
	for dec.More() {
		start := dec.InputOffset()
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			var se *json.SyntaxError
			if errors.As(err, &se) {
				return nil, at(se.Offset, fmt.Errorf("bad JSON: %v", se))
			}
			return nil, at(start, fmt.Errorf("bad JSON: %v", err))
		}
		// Skip the comma and blanks between elements to find where this one starts.
		elem := data[start:dec.InputOffset()]
		skip := int64(len(elem) - len(bytes.TrimLeft(elem, " \t\r\n,")))
		u, off, err := parseUser(raw)
		if err != nil {
			return nil, at(start+skip+off, err)
		}
		users = append(users, u)
	}
	if _, err := dec.Token(); err != nil {
		return nil, at(dec.InputOffset(), fmt.Errorf("bad JSON: %v", err))
	}
	if len(users) == 0 {
		return nil, fmt.Errorf("jiramock: %s: the array holds no users", name)
	}
	return users, nil
}

// lineAt is the 1-based line of byte offset off in data.
func lineAt(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}

func checkUniqueIDs(users []User) error {
	seen := make(map[string]bool, len(users))
	for _, u := range users {
		if seen[u.ID()] {
			return fmt.Errorf("jiramock: users: two users are named %q: give each a distinct name or accountId", u.ID())
		}
		seen[u.ID()] = true
	}
	return nil
}

var defaultUsers = map[Flavor]func() []User{
	Server: sync.OnceValue(func() []User { return loadEmbeddedUsers(Server) }),
	Cloud:  sync.OnceValue(func() []User { return loadEmbeddedUsers(Cloud) }),
}

// DefaultUsers are the users shipped in testdata/users/<flavor>/*.json
// (bridge.DefaultUsers). An unknown flavor gets the Server users.
func DefaultUsers(f Flavor) []User {
	load, ok := defaultUsers[f]
	if !ok {
		load = defaultUsers[Server]
	}
	return append([]User(nil), load()...)
}

func loadEmbeddedUsers(f Flavor) []User {
	dir := path.Join("testdata/users", string(f))
	entries, err := fs.ReadDir(bridge.DefaultUsers, dir)
	if err != nil {
		panic("jiramock: embedded users: " + err.Error())
	}
	var users []User
	for _, e := range entries { // fs.ReadDir sorts by name
		if !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		name := path.Join(dir, e.Name())
		data, err := fs.ReadFile(bridge.DefaultUsers, name)
		if err != nil {
			panic("jiramock: embedded users: " + err.Error())
		}
		us, err := parseUserFile(name, data)
		if err != nil {
			panic("jiramock: embedded users are broken: " + err.Error())
		}
		users = append(users, us...)
	}
	return users
}
