//go:build linux

package publish

import "syscall"

// idOf is the identity of the file st describes (see fileID).
func idOf(st *syscall.Stat_t) fileID {
	return fileID{
		dev: uint64(st.Dev), ino: uint64(st.Ino),
		ctime: int64(st.Ctim.Sec)*1e9 + int64(st.Ctim.Nsec),
		size:  st.Size,
	}
}

// lstatID is the identity of the file at name, not following a link; zero
// if it cannot be read.
func lstatID(name string) fileID {
	var st syscall.Stat_t
	if err := retry(func() error { return syscall.Lstat(name, &st) }); err != nil {
		return fileID{}
	}
	return idOf(&st)
}
