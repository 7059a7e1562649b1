#!/bin/sh
# dist.sh: static, version-stamped bridge binaries and their SHA256SUMS.
# `make dist` runs it; the Dockerfile and .goreleaser.yaml use the same flags
# (internal/version/dist_test.go checks that they agree).
#
# Environment (all optional):
#   VERSION  version to stamp (default: git describe --tags --always --dirty, else "dev")
#   COMMIT   commit to stamp (default: git rev-parse --short=12 HEAD)
#   TARGETS  space-separated GOOS/GOARCH pairs (default: the six release targets)
#   OUT      output directory (default: dist)
#   PKG      the main package to build (default: ./cmd/bridge)
#   GO       the go command (default: go)
set -eu

GO=${GO:-go}
OUT=${OUT:-dist}
PKG=${PKG:-./cmd/bridge}
TARGETS=${TARGETS:-"linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64"}
VERSION=${VERSION:-$(git describe --tags --always --dirty 2>/dev/null || echo dev)}
COMMIT=${COMMIT:-$(git rev-parse --short=12 HEAD 2>/dev/null || echo "")}
V=github.com/jira-auth0-bridge/bridge/internal/version
LDFLAGS="-s -w -X $V.Version=$VERSION -X $V.Commit=$COMMIT"

mkdir -p "$OUT"
rm -f "$OUT/SHA256SUMS"
names=""
for t in $TARGETS; do
	os=${t%/*}
	arch=${t#*/}
	name=bridge_${os}_${arch}
	[ "$os" = windows ] && name=$name.exe
	echo "dist: $name ($VERSION)" >&2
	CGO_ENABLED=0 GOOS=$os GOARCH=$arch "$GO" build -trimpath -ldflags "$LDFLAGS" -o "$OUT/$name" "$PKG"
	names="$names $name"
done
# sha256sum's own format ("HASH  NAME"), checkable with `sha256sum -c SHA256SUMS`.
(cd "$OUT" && sha256sum $names >SHA256SUMS)
