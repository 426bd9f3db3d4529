//go:build unix

// Package cputime reads the CPU time the process has used, for benchmarks that report it beside
// wall time: on a machine shared with other work it measures our own work, where wall time also
// measures the neighbours'.
package cputime

import (
	"runtime"
	"syscall"
	"time"
)

// Process returns the user and system CPU time of every thread of the process so far, or 0 when
// the system will not say.
func Process() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// PeakRSS returns the process's peak resident set size in bytes so far, or 0 when the system will
// not say.
func PeakRSS() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return int64(ru.Maxrss) // bytes there
	}
	return int64(ru.Maxrss) * 1024 // kilobytes on Linux and the BSDs
}
