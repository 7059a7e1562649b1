package gen

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// DefaultSeed is the seed `make bench` uses: the same 1,000 cases every run.
const DefaultSeed = 7

// File is one generated case file: Name is its path below the cases
// directory ("server/0001", without ".json"), Data its JSON.
type File struct {
	Name string
	Data []byte
}

// caseFile is the case-file shape of internal/cases.
type caseFile struct {
	Description string          `json:"description"`
	Flavor      string          `json:"flavor"`
	User        json.RawMessage `json:"user"`
	Faults      json.RawMessage `json:"faults,omitempty"`
	Expect      expect          `json:"expect"`
}

// Generate returns n cases, the same for the same seed: about two thirds
// plain users (Server and Cloud alike), one third faults.
func Generate(n int, seed uint64) ([]File, error) {
	r := rand.New(rand.NewPCG(seed, 0x6a697261))
	files := make([]File, 0, n)
	for i := 1; i <= n; i++ {
		cloud := r.IntN(2) == 0
		var u user
		flavor := "server"
		if cloud {
			u, flavor = cloudUser(r, i), "cloud"
		} else {
			u = serverUser(r, i)
		}
		t := newTarget(cloud, u)
		cf := caseFile{Description: describeUser(t), Flavor: flavor, User: u.raw}
		name := fmt.Sprintf("%s/%04d", flavor, i)
		if r.IntN(3) == 0 {
			var f fault
			ok := false
			for tries := 0; !ok; tries++ {
				if tries == 100 {
					return nil, fmt.Errorf("gen: case %d: no fault fits %s", i, cf.Description)
				}
				f = faultKinds[r.IntN(len(faultKinds))]
				cf.Faults, cf.Expect, ok = f.make(r, t)
			}
			name = fmt.Sprintf("%s/faults/%04d-%s", flavor, i, f.name)
			cf.Description += ", fault " + f.name + ": " + string(cf.Faults)
		} else {
			p, err := expectedProfile(t)
			if err != nil {
				return nil, fmt.Errorf("gen: case %d: %w", i, err)
			}
			cf.Expect = expect{Profile: p}
		}
		data, err := encode(cf)
		if err != nil {
			return nil, fmt.Errorf("gen: case %d: %w", i, err)
		}
		files = append(files, File{Name: name, Data: data})
	}
	return files, nil
}

// encode writes a case file indented, without Go's HTML escaping, so that
// URLs with & stay readable.
func encode(cf caseFile) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(cf); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Write generates n cases into dir (created if missing), which must hold no
// case files yet: a run of `bridge test --cases dir` then sees exactly them.
func Write(dir string, n int, seed uint64) ([]File, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("gen: %s is not empty: give an empty or new directory, so no stale case stays in the suite", dir)
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("gen: %w", err)
	}
	files, err := Generate(n, seed)
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name)+".json")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, fmt.Errorf("gen: %w", err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return nil, fmt.Errorf("gen: %w", err)
		}
	}
	return files, nil
}
