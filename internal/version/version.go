// Package version says which bridge this is: the release version, the commit
// it was built from and the Go toolchain.
//
// A release build stamps Version and Commit with the linker
// (`go build -ldflags "-X github.com/jira-auth0-bridge/bridge/internal/version.Version=v1.2.3
// -X github.com/jira-auth0-bridge/bridge/internal/version.Commit=abc1234"`, see
// `make dist` and .goreleaser.yaml). An unstamped build falls back on what the
// Go toolchain records in the binary (runtime/debug.ReadBuildInfo): the module
// version for `go install …@vX`, and the vcs.revision / vcs.modified settings
// for a build inside a git checkout (https://pkg.go.dev/runtime/debug#BuildInfo).
package version

import (
	"fmt"
	"runtime/debug"
)

// Version and Commit are set at link time with -ldflags -X; empty when not
// stamped. They are variables, not constants, because -X only sets string
// variables (https://pkg.go.dev/cmd/link).
var (
	Version string
	Commit  string
)

// Dev is the version of a build that is neither stamped nor a tagged module.
const Dev = "dev"

// Info is what `bridge version` prints.
type Info struct {
	Version   string `json:"version"`   // v1.2.3, or "dev"
	Commit    string `json:"commit"`    // the git revision, "" when unknown; "+dirty" when built from a modified tree
	GoVersion string `json:"goVersion"` // the toolchain, e.g. go1.26.8
}

// Get returns the version of the running binary.
func Get() Info {
	bi, _ := debug.ReadBuildInfo()
	return from(bi, Version, Commit)
}

// from builds the Info from the build info (nil when the binary has none)
// and the stamped values, which win.
func from(bi *debug.BuildInfo, stampedVersion, stampedCommit string) Info {
	info := Info{Version: stampedVersion, Commit: stampedCommit}
	if bi == nil {
		if info.Version == "" {
			info.Version = Dev
		}
		return info
	}
	info.GoVersion = bi.GoVersion
	if info.Version == "" {
		// "(devel)" is what the toolchain records for the main module built
		// from its own tree (https://pkg.go.dev/runtime/debug#Module).
		if v := bi.Main.Version; v != "" && v != "(devel)" {
			info.Version = v
		} else {
			info.Version = Dev
		}
	}
	if info.Commit == "" {
		var rev string
		var modified bool
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if rev != "" && modified {
			rev += "+dirty"
		}
		info.Commit = rev
	}
	return info
}

// String is the one line of `bridge --version`: "bridge v1.2.3 (commit abc1234, go1.26.8)".
func (i Info) String() string {
	s := "bridge " + i.Version
	switch {
	case i.Commit != "" && i.GoVersion != "":
		s += fmt.Sprintf(" (commit %s, %s)", i.Commit, i.GoVersion)
	case i.Commit != "":
		s += fmt.Sprintf(" (commit %s)", i.Commit)
	case i.GoVersion != "":
		s += fmt.Sprintf(" (%s)", i.GoVersion)
	}
	return s
}

// Short is the version alone, as the HAR creator.version carries it.
func Short() string { return Get().Version }
