//go:build race

package output

// raceScale shrinks the 100k-item stream tests under the race detector,
// which slows JSON work about tenfold; 10k items make the same point.
const raceScale = 10
