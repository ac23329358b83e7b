//go:build unix && !linux

package publish

import "syscall"

func idOf(st *syscall.Stat_t) fileID { return fileID{} }
