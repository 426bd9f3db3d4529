//go:build unix

package extract

import (
	"syscall"
	"time"
)

// processCPU returns the process's user and system CPU time so far, for benchmarks to report CPU
// time per ad beside wall time: on a machine shared with other work it is the steadier figure.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
