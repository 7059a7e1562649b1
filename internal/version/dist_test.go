package version

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// repoRoot is the module root, two levels above this package.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// goCmd is the go command on PATH.
func goCmd(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	return p
}

// dist runs scripts/dist.sh (what `make dist` runs) for one target into a
// temporary directory and returns that directory.
func dist(t *testing.T, pkg, target string) string {
	t.Helper()
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh to run scripts/dist.sh")
	}
	out := t.TempDir()
	cmd := exec.Command("sh", "scripts/dist.sh")
	cmd.Dir = repoRoot(t)
	cmd.Env = append(os.Environ(), "TARGETS="+target, "OUT="+out, "PKG="+pkg,
		"VERSION=v0.0.0-disttest", "COMMIT=feedface", "GO="+goCmd(t))
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("scripts/dist.sh: %v\n%s", err, b)
	}
	return out
}

// The stamped version and commit come out of a binary built by dist.sh. Until
// `bridge version` exists, a tiny main (testdata/printversion) prints
// version.Get(); TestDistBridgeBinary checks the bridge binary itself.
func TestDistStampsVersion(t *testing.T) {
	if runtime.GOOS != "linux" || runtime.GOARCH != "amd64" {
		t.Skip("runs the linux/amd64 binary")
	}
	out := dist(t, "./internal/version/testdata/printversion", "linux/amd64")
	bin := filepath.Join(out, "bridge_linux_amd64")
	got, err := exec.Command(bin).Output()
	if err != nil {
		t.Fatalf("running %s: %v", bin, err)
	}
	want := "bridge v0.0.0-disttest (commit feedface, " + runtime.Version() + ")\n"
	if string(got) != want {
		t.Fatalf("stamped binary prints %q, want %q", got, want)
	}
	checkSums(t, out, []string{"bridge_linux_amd64"})
	m, err := exec.Command(goCmd(t), "version", "-m", bin).Output()
	if err != nil {
		t.Fatalf("go version -m: %v", err)
	}
	// -trimpath keeps -ldflags out of the recorded build settings, so the
	// stamp is checked by running the binary (above), not here.
	for _, s := range []string{"CGO_ENABLED=0", "-trimpath=true"} {
		if !strings.Contains(string(m), s) {
			t.Errorf("go version -m lacks %q:\n%s", s, m)
		}
	}
}

// The real bridge binary, built by dist.sh, is static and carries the stamp.
func TestDistBridgeBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds cmd/bridge")
	}
	out := dist(t, "./cmd/bridge", "linux/amd64")
	b, err := os.ReadFile(filepath.Join(out, "bridge_linux_amd64"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "v0.0.0-disttest") {
		t.Error("bridge_linux_amd64 does not contain the stamped version v0.0.0-disttest")
	}
	if strings.Contains(string(b), "/lib64/ld-linux") {
		t.Error("bridge_linux_amd64 names a dynamic loader: it is not static")
	}
	checkSums(t, out, []string{"bridge_linux_amd64"})
}

// checkSums reads SHA256SUMS (sha256sum's "HASH  NAME" lines) and compares
// each hash with the file's.
func checkSums(t *testing.T, dir string, names []string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != len(names) {
		t.Fatalf("SHA256SUMS has %d lines, want %d:\n%s", len(lines), len(names), b)
	}
	for i, line := range lines {
		hash, name, ok := strings.Cut(line, "  ")
		if !ok || name != names[i] {
			t.Fatalf("SHA256SUMS line %q, want HASH  %s", line, names[i])
		}
		f, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(f)
		if hash != hex.EncodeToString(sum[:]) {
			t.Errorf("SHA256SUMS says %s for %s, the file hashes to %x", hash, name, sum)
		}
	}
}

// .goreleaser.yaml builds what make dist builds: same targets, CGO_ENABLED=0,
// -trimpath and the same -ldflags -X variables; the Dockerfile builds with
// scripts/dist.sh itself.
func TestReleaseConfigsMatchDist(t *testing.T) {
	root := repoRoot(t)
	script, err := os.ReadFile(filepath.Join(root, "scripts", "dist.sh"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`TARGETS=\$\{TARGETS:-"([^"]+)"\}`).FindSubmatch(script)
	if m == nil {
		t.Fatal("scripts/dist.sh: no default TARGETS")
	}
	distTargets := strings.Fields(string(m[1]))
	sort.Strings(distTargets)

	var gr struct {
		Builds []struct {
			Main    string   `yaml:"main"`
			Env     []string `yaml:"env"`
			Flags   []string `yaml:"flags"`
			Ldflags []string `yaml:"ldflags"`
			Goos    []string `yaml:"goos"`
			Goarch  []string `yaml:"goarch"`
		} `yaml:"builds"`
		Archives []struct {
			NameTemplate string `yaml:"name_template"`
		} `yaml:"archives"`
		Checksum struct {
			NameTemplate string `yaml:"name_template"`
			Algorithm    string `yaml:"algorithm"`
		} `yaml:"checksum"`
	}
	b, err := os.ReadFile(filepath.Join(root, ".goreleaser.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, &gr); err != nil {
		t.Fatalf(".goreleaser.yaml: %v", err)
	}
	if len(gr.Builds) != 1 {
		t.Fatalf(".goreleaser.yaml has %d builds, want 1", len(gr.Builds))
	}
	bd := gr.Builds[0]
	var grTargets []string
	for _, os := range bd.Goos {
		for _, arch := range bd.Goarch {
			grTargets = append(grTargets, os+"/"+arch)
		}
	}
	sort.Strings(grTargets)
	if strings.Join(grTargets, " ") != strings.Join(distTargets, " ") {
		t.Errorf("goreleaser targets %v, make dist targets %v", grTargets, distTargets)
	}
	if bd.Main != "./cmd/bridge" || strings.Join(bd.Env, " ") != "CGO_ENABLED=0" || strings.Join(bd.Flags, " ") != "-trimpath" {
		t.Errorf("goreleaser build main/env/flags = %q %v %v, want ./cmd/bridge [CGO_ENABLED=0] [-trimpath]", bd.Main, bd.Env, bd.Flags)
	}
	if !strings.Contains(string(script), "CGO_ENABLED=0") || !strings.Contains(string(script), "-trimpath") {
		t.Error("scripts/dist.sh does not build with CGO_ENABLED=0 and -trimpath")
	}
	// The -X variables are the same in both, and both strip (-s -w).
	xvars := regexp.MustCompile(`-X (\S+)=`)
	grX := xvars.FindAllStringSubmatch(strings.Join(bd.Ldflags, " "), -1)
	distLd := regexp.MustCompile(`LDFLAGS="([^"]+)"`).FindSubmatch(script)
	if distLd == nil {
		t.Fatal("scripts/dist.sh: no LDFLAGS")
	}
	distX := xvars.FindAllStringSubmatch(strings.ReplaceAll(string(distLd[1]), "$V", "github.com/jira-auth0-bridge/bridge/internal/version"), -1)
	if len(grX) != 2 || len(distX) != 2 || grX[0][1] != distX[0][1] || grX[1][1] != distX[1][1] {
		t.Errorf("-X variables differ: goreleaser %v, dist.sh %v", grX, distX)
	}
	if !strings.HasPrefix(bd.Ldflags[0], "-s -w ") || !strings.HasPrefix(string(distLd[1]), "-s -w ") {
		t.Error("both builds should strip with -s -w")
	}
	if len(gr.Archives) != 1 || gr.Archives[0].NameTemplate != "{{ .ProjectName }}_{{ .Os }}_{{ .Arch }}" {
		t.Errorf("goreleaser archive names %+v, want bridge_<os>_<arch> as dist.sh", gr.Archives)
	}
	if gr.Checksum.NameTemplate != "SHA256SUMS" || gr.Checksum.Algorithm != "sha256" {
		t.Errorf("goreleaser checksum = %+v, want SHA256SUMS sha256", gr.Checksum)
	}

	docker, err := os.ReadFile(filepath.Join(root, "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"./scripts/dist.sh", "USER 65532:65532", `ENTRYPOINT ["/usr/local/bin/bridge"]`, "distroless/static"} {
		if !strings.Contains(string(docker), s) {
			t.Errorf("Dockerfile lacks %q", s)
		}
	}
}
