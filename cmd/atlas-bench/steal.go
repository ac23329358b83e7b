package main

import (
	"bytes"
	"os"
	"strconv"
	"time"
)

// On a virtual machine the hypervisor can give a CPU to another guest for
// part of a run: the run's wall time grows by whatever was taken, and its
// own CPU time does not show it. The kernel counts that time as steal
// (the eighth figure of /proc/stat's cpu line). On the machine of issue
// #8 it came and went within minutes: one fresh build of atlas lost 23 s
// of the two CPUs' 50 in 25 s of wall time, the next one 0.6 s of 22 in
// 11 s. Hugo, Pagefind and atlas run one after the other, so a round in
// which one of them ran while the CPUs were taken compares nothing, and
// the benchmark times such a round again (see timer).

// stolen is the CPU time taken from this machine's CPUs since boot,
// summed over them, or 0 where the system does not say.
func stolen() time.Duration {
	data, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0
	}
	d, _ := parseSteal(data)
	return d
}

// parseSteal reads the steal figure of the cpu line of /proc/stat, which
// counts in USER_HZ, a hundredth of a second on every Linux that exports
// it. ok is false when there is no such line or figure (kernels before
// 2.6.11 have seven).
func parseSteal(stat []byte) (d time.Duration, ok bool) {
	line, _, _ := bytes.Cut(stat, []byte("\n"))
	fields := bytes.Fields(line)
	if len(fields) < 9 || string(fields[0]) != "cpu" {
		return 0, false
	}
	ticks, err := strconv.ParseUint(string(fields[8]), 10, 63)
	if err != nil {
		return 0, false
	}
	return time.Duration(ticks) * 10 * time.Millisecond, true
}
