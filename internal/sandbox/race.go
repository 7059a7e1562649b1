//go:build race

package sandbox

// rssFactor widens the resident-set bar in a binary built with the race
// detector, whose shadow memory multiplies a process's footprint (Go's race
// detector documentation: "memory usage may increase by 5-10x"). The heap
// watches, which measure Go's heap and not the resident set, still trip at
// the ceiling, so the verdicts stay what they are without -race.
const rssFactor = 4
