package publish

// writeChunk is the most a single write(2) is handed (file_unix.go).
// Given a large file at once, Linux caches it in folios of up to 2 MiB,
// and on a virtual machine whose host takes freed memory back (free page
// reporting) a block that large is faulted in again from the host page by
// page. Four files of 80 MB took 0.34 - 0.86 s to write to ext4 here in
// one call each (once 0.07 s, with blocks just freed), and 0.08 - 0.12 s
// in calls of 256 KiB (docs/performance.md, "The thirteenth pass"). A
// build writes 53 files of more than 256 KiB, 217 MB in all; the others
// still go in one call.
const writeChunk = 256 << 10
