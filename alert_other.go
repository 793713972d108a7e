//go:build !windows && !console

package main

// alert has nothing to do where the program keeps its terminal: cli.Run
// prints the error.
func alert(string) {}
