//go:build !race

package cli

// raceOn tells a test it runs under the race detector.
const raceOn = false
