package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Replace and NoReplace say whether WriteFile may replace an existing file.
const (
	Replace   = true
	NoReplace = false
)

// WriteFile writes data to path with mode perm, atomically (see the package
// doc). With replace false an existing path is left alone and the error
// wraps fs.ErrExist (errors.Is(err, fs.ErrExist)). Errors are *fs.PathError
// values naming path or the temporary file, wrapped with the step that failed.
func WriteFile(path string, data []byte, perm fs.FileMode, replace bool) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*") // mode 0600 from the start
	if err != nil {
		return fmt.Errorf("creating a temporary file beside %s: %w", path, err)
	}
	tmpName := tmp.Name()
	defer os.Remove(tmpName) // after a rename or link, only the temporary name goes
	if err := writeSynced(tmp, data, perm); err != nil {
		return fmt.Errorf("writing %s: %w", tmpName, err)
	}
	if replace {
		if err := os.Rename(tmpName, path); err != nil {
			return fmt.Errorf("putting %s in place: %w", path, err)
		}
		syncDir(dir)
		return nil
	}
	if err := place(tmpName, path, perm); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// writeSynced sets f's mode, writes data, syncs and closes f.
func writeSynced(f *os.File, data []byte, perm fs.FileMode) error {
	err := f.Chmod(perm)
	if err == nil {
		_, err = f.Write(data)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// place gives tmpName the name path unless path exists. A hard link fails
// if the name exists; where hard links are not supported, the name is reserved
// with O_EXCL and the temporary file renamed over it.
func place(tmpName, path string, perm fs.FileMode) error {
	err := os.Link(tmpName, path)
	if err == nil {
		return nil
	}
	if errors.Is(err, fs.ErrExist) {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	f.Close()
	if err := os.Rename(tmpName, path); err != nil {
		os.Remove(path)
		return fmt.Errorf("putting %s in place: %w", path, err)
	}
	return nil
}

// syncDir makes the new directory entry durable (fsync on the directory);
// file systems that cannot sync a directory are not an error.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
