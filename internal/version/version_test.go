package version

import (
	"runtime"
	"runtime/debug"
	"testing"
)

func TestFromStampedWins(t *testing.T) {
	bi := &debug.BuildInfo{GoVersion: "go1.99", Main: debug.Module{Version: "v0.1.0"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"}}}
	got := from(bi, "v1.2.3", "cafe")
	want := Info{Version: "v1.2.3", Commit: "cafe", GoVersion: "go1.99"}
	if got != want {
		t.Fatalf("from = %+v, want %+v", got, want)
	}
}

func TestFromBuildInfo(t *testing.T) {
	for _, tc := range []struct {
		name string
		bi   *debug.BuildInfo
		want Info
	}{
		{"nil build info", nil, Info{Version: Dev}},
		{"module version", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.4.0"}},
			Info{Version: "v0.4.0", GoVersion: "go1.26.8"}},
		{"devel with clean vcs", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0a303b1aaaaabbbbbccccc"}, {Key: "vcs.modified", Value: "false"}}},
			Info{Version: Dev, Commit: "0a303b1aaaaa", GoVersion: "go1.26.8"}},
		{"dirty tree", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"},
			Settings: []debug.BuildSetting{{Key: "vcs.modified", Value: "true"}, {Key: "vcs.revision", Value: "abc"}}},
			Info{Version: Dev, Commit: "abc+dirty", GoVersion: "go1.26.8"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := from(tc.bi, "", ""); got != tc.want {
				t.Fatalf("from = %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestGetInTestBinary(t *testing.T) {
	got := Get()
	if got.GoVersion != runtime.Version() {
		t.Errorf("GoVersion = %q, want the running toolchain %q", got.GoVersion, runtime.Version())
	}
	if got.Version == "" {
		t.Error("Version is empty; want a version or \"dev\"")
	}
}

func TestString(t *testing.T) {
	for _, tc := range []struct {
		in   Info
		want string
	}{
		{Info{Version: "v1.2.3", Commit: "abc1234", GoVersion: "go1.26.8"}, "bridge v1.2.3 (commit abc1234, go1.26.8)"},
		{Info{Version: "dev", GoVersion: "go1.26.8"}, "bridge dev (go1.26.8)"},
		{Info{Version: "dev", Commit: "abc"}, "bridge dev (commit abc)"},
		{Info{Version: "dev"}, "bridge dev"},
	} {
		if got := tc.in.String(); got != tc.want {
			t.Errorf("%+v.String() = %q, want %q", tc.in, got, tc.want)
		}
	}
}
