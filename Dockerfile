# bridge in a container: a static binary on distroless/static, run as nonroot.
#   docker build --build-arg VERSION=$(git describe --tags --always) -t bridge .
#   docker run --rm -v "$PWD:/work" bridge test --cases cases --script fetchUserProfile.js
# The binary is built by scripts/dist.sh, the script behind `make dist`, so the
# flags (CGO_ENABLED=0, -trimpath, -ldflags -X version stamping) are the same.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
ARG COMMIT=unknown
ARG TARGETOS=linux
ARG TARGETARCH=amd64
RUN VERSION="$VERSION" COMMIT="$COMMIT" TARGETS="$TARGETOS/$TARGETARCH" OUT=/out ./scripts/dist.sh \
 && mv "/out/bridge_${TARGETOS}_${TARGETARCH}" /out/bridge

# distroless/static: CA certificates and tzdata, no shell; the :nonroot tag
# runs as uid 65532.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/bridge /usr/local/bin/bridge
USER 65532:65532
WORKDIR /work
ENTRYPOINT ["/usr/local/bin/bridge"]
CMD ["--help"]
