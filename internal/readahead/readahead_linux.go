package readahead

import "golang.org/x/sys/unix"

// readAhead opens file without following a link and without waiting (a
// FIFO would otherwise block until a writer came), and advises the kernel
// that its first limit bytes will be needed, which starts reading them.
func readAhead(file string, limit int64) {
	fd, err := unix.Open(file, unix.O_RDONLY|unix.O_NOFOLLOW|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
	if err != nil {
		return
	}
	var st unix.Stat_t
	if unix.Fstat(fd, &st) == nil && st.Mode&unix.S_IFMT == unix.S_IFREG {
		unix.Fadvise(fd, 0, limit, unix.FADV_WILLNEED)
	}
	unix.Close(fd)
}
