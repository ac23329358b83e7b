package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Every run of every tool writes into a directory that did not exist
// before, and no output is deleted while tools are being timed: removing
// one is left to the end of the whole benchmark, and its time is kept so
// that the next benchmark waits until it no longer matters.
//
// It matters on ext4 without a journal, as on the machine of issue #8: to
// be safe after a crash, such a file system does not give out again an
// inode freed in the last minute (six, while the inode table's block is
// unwritten), and every new file or directory makes the allocator step over
// each such inode of its group again (fs/ext4/ialloc.c, recently_deleted).
// Removing the previous run's output (100,000 inodes for atlas at 10,000 +
// 10,000) just before a tool starts made that tool's creates quadratic:
// writing atlas's 68,730 files took 3.0 s of system time into a fresh
// directory and 15 - 21 s right after the previous copy was removed (perf:
// recently_deleted and find_get_block_common, 40 % of all samples).
// A journaled file system does not check, and neither does a fresh build on
// a fresh clone, which is what the benchmark times.

// quarantine is how long after its inodes are freed a file system without
// a journal may still step over them: RECENTCY_MIN, 60 s, plus
// RECENTCY_DIRTY, 300 s, while the inode table's block is unwritten. A
// sync cleans the blocks, but the next tool's creates dirty the very blocks
// whose freed inodes they step over, so the longer window is the one that
// counts (a fresh build 5 minutes after a removal still paid for part of
// it); and a second to spare.
const quarantine = 361 * time.Second

// outputs are the benchmark's output directories below work.
type outputs struct {
	dir   string // work/out: run-1/atlas, run-1/hugo, run-2/atlas, ...
	stamp string // when outputs were last removed, in Unix seconds
}

func newOutputs(work string) outputs {
	return outputs{dir: filepath.Join(work, "out"), stamp: filepath.Join(work, "out.removed")}
}

// of is where tool (atlas or hugo) writes in run i, counted from 1.
func (o outputs) of(i int, tool string) string {
	return filepath.Join(o.dir, "run-"+strconv.Itoa(i), tool)
}

// removeAll removes every output, those of earlier versions of the
// benchmark included, and notes the time if there was anything to remove.
func (o outputs) removeAll(work string) error {
	removed := false
	for _, dir := range []string{o.dir, filepath.Join(work, "public-atlas"), filepath.Join(work, "public-hugo")} {
		if _, err := os.Lstat(dir); err != nil {
			continue
		}
		if err := os.RemoveAll(dir); err != nil {
			return fmt.Errorf("remove the benchmark's outputs: %w", err)
		}
		removed = true
	}
	if !removed {
		return nil
	}
	return os.WriteFile(o.stamp, []byte(strconv.FormatInt(time.Now().Unix(), 10)+"\n"), 0o644)
}

// wait sleeps until outputs removed by this or an earlier benchmark can no
// longer slow down the creation of new files, telling w why it waits.
func (o outputs) wait(w io.Writer, now func() time.Time) {
	if d := o.left(now()); d > 0 {
		fmt.Fprintf(w, "waiting %s: inodes freed less than %s ago are stepped over by every create on ext4 without a journal\n", d.Round(time.Second), quarantine)
		time.Sleep(d)
	}
}

// left is how long from now the last removal still matters.
func (o outputs) left(now time.Time) time.Duration {
	data, err := os.ReadFile(o.stamp)
	if err != nil {
		return 0
	}
	sec, err := strconv.ParseInt(strings.TrimSpace(string(data)), 10, 64)
	if err != nil {
		return 0
	}
	return max(0, time.Unix(sec, 0).Add(quarantine).Sub(now))
}
