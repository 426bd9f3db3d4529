//go:build !unix

// Package cputime reads the CPU time the process has used, for benchmarks that report it beside
// wall time: on a machine shared with other work it measures our own work, where wall time also
// measures the neighbours'.
package cputime

import "time"

// Process returns 0: CPU time is not read on this system, and benchmarks report none.
func Process() time.Duration { return 0 }

// PeakRSS returns 0: the peak resident set size is not read on this system.
func PeakRSS() int64 { return 0 }
