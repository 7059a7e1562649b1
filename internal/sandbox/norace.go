//go:build !race

package sandbox

// rssFactor is 1 outside race-detector builds (race.go).
const rssFactor = 1
