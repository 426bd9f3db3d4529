//go:build unix

package stats_test

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used so far, every thread, user and system: on a
// shared machine it measures a benchmark's work where wall time measures the neighbours too.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
