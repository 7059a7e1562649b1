# Two commands set up and check a fresh clone: `make run` and `make test`.
GO        ?= go
NODE_REFS := testdata/node22 testdata/node18
BIN       := bin/bridge

.PHONY: run test build dist deps node-deps chromium vet staticcheck bench fuzz clean

## run: the main job on the embedded defaults: the default suite against the shipped script.
run:
	$(GO) run ./cmd/bridge test

## build: bin/bridge.
build:
	$(GO) build -o $(BIN) ./cmd/bridge

## dist: static binaries (CGO_ENABLED=0) for linux, darwin and windows on amd64
## and arm64 into dist/, stamped with VERSION (default: git describe), with SHA256SUMS.
dist:
	GO=$(GO) ./scripts/dist.sh

## test: install what the tests need, then vet, staticcheck and run every test.
test: deps vet staticcheck
	$(GO) test -count=1 ./...

vet:
	$(GO) vet ./...

## staticcheck: at the version pinned by the tool directive in go.mod.
staticcheck:
	$(GO) tool staticcheck ./...

## deps: the references (real Node 22 and Node 18 from the npm packages node@22 and
## node@18, each with the real oauth, request and jsonwebtoken; docs/fidelity.md) and
## Chromium (browser tests). npm ci runs again only when a package file changes.
deps: node-deps chromium

node-deps: $(NODE_REFS:%=%/node_modules/.package-lock.json)

testdata/node%/node_modules/.package-lock.json: testdata/node%/package.json testdata/node%/package-lock.json
	cd testdata/node$* && npm ci --no-audit --no-fund

chromium:
	./tools/install-chromium.sh

clean:
	rm -rf bin dist $(NODE_REFS:%=%/node_modules)

## bench: the Go benchmarks, then the side-by-side: 1,000 generated cases through
## bin/bridge test --parallel 2 and through the shipped script under Node with the real
## oauth@0.10.2 under Node 22 against the same mock; prints wall times, their ratio, the RSA floor, peak RSS.
bench: build node-deps
	$(GO) test -run '^$$' -bench . -benchmem ./internal/script ./internal/jiramock ./internal/suite
	$(GO) run ./bench/sidebyside -bridge $(BIN)

.PHONY: bench-profile
## bench-profile: CPU profile of the suite on the 1,000 generated cases (pprof -top).
bench-profile:
	mkdir -p bin
	$(GO) test -run '^$$' -bench '^BenchmarkGenerated$$/^parallel=2$$' -benchtime 2x -cpuprofile bin/suite.cpu.prof -o bin/suite.test ./internal/suite
	$(GO) tool pprof -top -nodecount 40 bin/suite.test bin/suite.cpu.prof
