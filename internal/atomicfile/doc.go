// Package atomicfile writes files that must never be seen half-written, such
// as private keys, access tokens and backups of a tenant's connection, which
// hold secrets and are written with mode 0600.
//
// WriteFile writes the data to a temporary file in the target's directory (so
// that the final step stays on one file system), sets its mode, syncs it
// (fsync), and only then gives it the target's name: by rename(2), which
// replaces an existing file atomically (POSIX rename), or, when replacing is
// not allowed, by link(2), which fails with EEXIST if the name is taken, as
// O_EXCL does. A reader of the target therefore sees the old file or the whole
// new one, never a part. The temporary file is removed on every path.
package atomicfile
