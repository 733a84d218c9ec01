//go:build !race

package output

const raceScale = 1
