//go:build unix

package audits

import (
	"errors"
	"syscall"
)

// processAlive reports whether a process of this host is running: signal 0 checks without
// signalling, and EPERM is a process of another user, alive.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
