//go:build unix

package publish

import (
	"bytes"
	"io/fs"
	"syscall"
)

// The files of a site are opened, written once and closed: they never
// wait on the network poller. os.OpenFile offers every file to it all the
// same, which on Linux costs five system calls that fail or are undone
// (two fcntl to set O_NONBLOCK, epoll_ctl, two fcntl to clear it) on top
// of the open, the write and the close. At 70,000 files that was a fifth
// of the time spent writing a file to tmpfs. Here the calls are made
// directly; errors are *fs.PathError, as os would return them.

// createFile writes data to a new file at name (a file already there is
// cut to nothing first), and returns the file's identity once written.
func createFile(name string, data []byte) (fileID, error) {
	fd, err := open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC)
	if err != nil {
		return fileID{}, err
	}
	return writeFD(name, fd, data, false)
}

// overwrite writes data over the regular file at name, which exists and
// is not followed if it is a symbolic link: the file keeps its inode and
// whatever blocks it had, and is cut to the new length. A file that holds
// data already is left as it is, and same says so (see holds). id is the
// file's identity after.
func overwrite(name string, data []byte) (same bool, id fileID, err error) {
	fd, err := open(name, syscall.O_RDWR|syscall.O_CREAT|syscall.O_NOFOLLOW)
	if err != nil {
		return false, fileID{}, err
	}
	same, id, err = holds(fd, data)
	if err != nil {
		syscall.Close(fd)
		return false, fileID{}, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	if !same {
		id, err = writeFD(name, fd, data, true)
		return false, id, err
	}
	if err := syscall.Close(fd); err != nil {
		return false, fileID{}, &fs.PathError{Op: "close", Path: name, Err: err}
	}
	return true, id, nil
}

// rewrite writes data over the regular file at name, as overwrite does,
// without reading it first: for a file known to hold other bytes.
func rewrite(name string, data []byte) (fileID, error) {
	fd, err := open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_NOFOLLOW)
	if err != nil {
		return fileID{}, err
	}
	return writeFD(name, fd, data, true)
}

// holds reports whether the file open at fd holds exactly data, and
// returns its identity. It reads the file a chunk at a time into a buffer
// on the stack, and stops at the first chunk that differs.
func holds(fd int, data []byte) (bool, fileID, error) {
	var st syscall.Stat_t
	if err := retry(func() error { return syscall.Fstat(fd, &st) }); err != nil {
		return false, fileID{}, err
	}
	id := idOf(&st)
	if st.Size != int64(len(data)) {
		return false, id, nil
	}
	var buf [16 << 10]byte
	for off := 0; off < len(data); {
		var n int
		err := retry(func() (err error) {
			n, err = syscall.Pread(fd, buf[:min(len(buf), len(data)-off)], int64(off))
			return err
		})
		if err != nil {
			return false, id, err
		}
		if n == 0 || !bytes.Equal(buf[:n], data[off:off+n]) {
			return false, id, nil
		}
		off += n
	}
	return true, id, nil
}

// open opens name for writing, created with mode 0644 if flags ask.
func open(name string, flags int) (int, error) {
	var fd int
	err := retry(func() (err error) {
		fd, err = syscall.Open(name, flags|syscall.O_CLOEXEC, 0o644)
		return err
	})
	if err != nil {
		return 0, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return fd, nil
}

// writeFD writes data to the file open at fd from its start, cuts it to
// that length when truncate says, and closes it; it returns the file's
// identity as it was written.
func writeFD(name string, fd int, data []byte, truncate bool) (fileID, error) {
	var err error
	size := int64(len(data))
	for len(data) > 0 && err == nil {
		var n int
		n, err = syscall.Write(fd, data[:min(len(data), writeChunk)])
		switch {
		case err == syscall.EINTR:
			err = nil
		case err == nil && n == 0:
			err = syscall.EIO
		case err == nil:
			data = data[n:]
		}
	}
	op := "write"
	if err == nil && truncate {
		op = "truncate"
		err = retry(func() error { return syscall.Ftruncate(fd, size) })
	}
	var st syscall.Stat_t
	if err == nil {
		op = "stat"
		err = retry(func() error { return syscall.Fstat(fd, &st) })
	}
	if cerr := syscall.Close(fd); err == nil && cerr != nil {
		op, err = "close", cerr
	}
	if err != nil {
		return fileID{}, &fs.PathError{Op: op, Path: name, Err: err}
	}
	return idOf(&st), nil
}

// retry calls f again while it is interrupted by a signal.
func retry(f func() error) error {
	for {
		if err := f(); err != syscall.EINTR {
			return err
		}
	}
}
