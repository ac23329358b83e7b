// Command atlas-bench times atlas against Hugo with Pagefind on the same
// chapters, in one run on one machine. It writes one synthetic corpus (N
// chapters, M records, and the same chapters as a Hugo site), then runs
//
//	atlas build   on the chapters and the records (pages, search index, exports, minified)
//	hugo --minify on the chapters alone
//	pagefind      on Hugo's output
//
// and prints the wall time, the CPU time and the peak memory (the child's
// maximum resident set size) of each, and the ratios the performance targets
// are stated in. With --runs N it does all of that N times and also prints
// the median of each figure and of each ratio: on a shared virtual machine
// one run can be 50 % off the next. Each tool writes every run into a
// directory of its own that did not exist before, and outputs are removed
// only after the last run (see outputs.go for why); before each tool
// starts, the disk is left to finish writing (sync, then until the kernel
// holds less than 32 MB of dirty pages and the disks are idle), so that no
// tool pays for another's writes. Each run also shows the share of the
// machine's CPU time the hypervisor took while it ran (steal, from
// /proc/stat); a round in which that passed --max-steal for any tool is
// left out and timed again, --steal-retries times at most (steal.go says
// why). With --rebuilds N it then times each tool
// N times more over its own last output, as a maintainer's next build
// finds it. It installs nothing: .ci/bench.sh installs hugo and pagefind
// and calls it.
//
//	go run ./cmd/atlas-bench --chapters 10000 --records 10000 --pagefind PATH --runs 3 --rebuilds 3
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/telemetry-atlas/atlas/internal/corpus"
)

// run is one timed child process.
type run struct {
	name string
	wall time.Duration
	cpu  time.Duration // user and system time: steadier than wall time on a shared machine
	user time.Duration
	sys  time.Duration
	rss  int64 // bytes
	// steal is the CPU time the hypervisor took from the machine's CPUs
	// while the run went on, summed over them (see steal.go).
	steal time.Duration
}

func main() {
	var o corpus.Options
	flag.IntVar(&o.Chapters, "chapters", 10000, "chapter files in all, about half English and half Russian")
	flag.IntVar(&o.Records, "records", 10000, "vendor records (atlas only: Hugo and Pagefind get the chapters alone)")
	work := flag.String("work", ".atlas-bench", "working directory for the corpus, the binaries and the outputs")
	atlas := flag.String("atlas", "", "the atlas binary (default: go build ./cmd/atlas into --work)")
	hugo := flag.String("hugo", "hugo", "the hugo binary")
	pagefind := flag.String("pagefind", "pagefind", "the pagefind binary")
	skipOthers := flag.Bool("atlas-only", false, "time atlas alone")
	maxTime := flag.Float64("max-time-ratio", 0.25, "target: atlas wall time over Hugo's plus Pagefind's")
	maxMem := flag.Float64("max-mem-ratio", 0.5, "target: atlas peak memory over the larger of Hugo's and Pagefind's")
	runs := flag.Int("runs", 1, "how many times to time the tools; the medians decide")
	rebuilds := flag.Int("rebuilds", 0, "then how many times to time each tool again over its last output, as a maintainer's next build")
	tm := timer{w: os.Stdout, settle: settle, stolen: stolen, cpus: runtime.NumCPU()}
	flag.Float64Var(&tm.maxSteal, "max-steal", 0.1, "a round in which the hypervisor took more than this share of the machine's CPU time during one tool's run is timed again")
	flag.IntVar(&tm.retries, "steal-retries", 3, "rounds timed again for steal at most, for the fresh builds and for the rebuilds each")
	flag.Parse()
	if err := bench(o, *work, *atlas, *hugo, *pagefind, *skipOthers, *runs, *rebuilds, *maxTime, *maxMem, tm); err != nil {
		fmt.Fprintf(os.Stderr, "atlas-bench: %v\n", err)
		os.Exit(1)
	}
}

func bench(o corpus.Options, work, atlas, hugo, pagefind string, atlasOnly bool, runs, rebuilds int, maxTime, maxMem float64, tm timer) error {
	w := tm.w
	if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	src := filepath.Join(work, fmt.Sprintf("corpus-%d-%d", o.Chapters, o.Records))
	if _, err := os.Stat(src); errors.Is(err, fs.ErrNotExist) {
		start := time.Now()
		tmp := src + ".tmp"
		os.RemoveAll(tmp)
		if err := corpus.WriteDir(tmp, o, true, "."); err != nil {
			return err
		}
		if err := os.Rename(tmp, src); err != nil {
			return err
		}
		fmt.Fprintf(w, "corpus: %d chapters, %d records in %s (%s)\n", o.Chapters, o.Records, src, time.Since(start).Round(time.Millisecond))
	} else {
		// The content is reused; the templates are the repository's own.
		for _, sub := range []string{"templates", "static"} {
			if err := os.RemoveAll(filepath.Join(src, sub)); err != nil {
				return err
			}
			if err := os.CopyFS(filepath.Join(src, sub), os.DirFS(sub)); err != nil {
				return err
			}
		}
		fmt.Fprintf(w, "corpus: reusing %s with the repository's templates\n", src)
	}
	if atlas == "" {
		atlas = filepath.Join(work, "atlas")
		cmd := exec.Command("go", "build", "-o", atlas, "./cmd/atlas")
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("go build ./cmd/atlas: %w", err)
		}
	}
	out := newOutputs(work)
	if err := out.removeAll(work); err != nil {
		return err
	}
	defer out.removeAll(work)
	tools := []tool{
		{"atlas build", atlas, func(i int) []string {
			return []string{"build", "--source", src, "--out", out.of(i, "atlas"), "--today", corpus.Today}
		}, func(i int) string { return out.of(i, "atlas") }},
		{"hugo --minify", hugo, func(i int) []string {
			return []string{"--minify", "--quiet", "--source", filepath.Join(src, "hugo"), "--destination", abs(out.of(i, "hugo"))}
		}, func(i int) string { return out.of(i, "hugo") }},
		{"pagefind", pagefind, func(i int) []string { return []string{"--site", out.of(i, "hugo")} },
			func(i int) string { return out.of(i, "hugo") }},
	}
	if atlasOnly {
		tools = tools[:1]
	}
	out.wait(w, time.Now)
	fmt.Fprintf(w, "\nfresh builds, each into a new directory:\n")
	fresh, last, err := tm.rounds(tools, runs, func(attempt int) int { return attempt })
	if err != nil {
		return err
	}
	if !atlasOnly {
		summarize(w, "fresh builds", tools, fresh, maxTime, maxMem)
	}
	if rebuilds == 0 {
		return nil
	}
	// A maintainer's next build finds the last one's output in place: Hugo
	// writes over its files, Pagefind replaces its bundle, atlas writes over
	// the site it kept from the build before (internal/publish/recycle.go).
	// One untimed rebuild each puts every tool in that state.
	fmt.Fprintf(w, "\nrebuilds over the output of the last fresh run (after one untimed rebuild each):\n")
	for _, tool := range tools {
		tm.settle()
		if _, err := timed(tm.stolen, tool.name, tool.bin, tool.args(last)...); err != nil {
			return err
		}
	}
	again, _, err := tm.rounds(tools, rebuilds, func(int) int { return last })
	if err != nil {
		return err
	}
	if !atlasOnly {
		summarize(w, "rebuilds", tools, again, maxTime, maxMem)
	}
	return nil
}

// tool is one timed program: its arguments and output directory in a
// given run.
type tool struct {
	name, bin string
	args      func(run int) []string
	out       func(run int) string
}

// timer times the tools, round after round, and prints each run.
type timer struct {
	w      io.Writer
	settle func()               // waits for the disks before each run
	stolen func() time.Duration // the machine's steal so far
	cpus   int                  // the machine's CPUs, which steal is summed over
	// maxSteal is the share of the machine's CPU time, over a run's wall
	// time, that may be stolen during any run of a round; a round over it
	// is timed again, retries times at most in one call of rounds.
	maxSteal float64
	retries  int
}

// stolenShare is the share of the machine's CPU time taken from it while
// r ran.
func (tm timer) stolenShare(r run) float64 {
	if r.wall <= 0 || tm.cpus <= 0 {
		return 0
	}
	return r.steal.Seconds() / (r.wall.Seconds() * float64(tm.cpus))
}

// rounds times every tool rounds times, each attempt at a round (from 1)
// on the output directories of run dir(attempt), and prints each run. A
// round during which the hypervisor took more than maxSteal of the CPUs
// from any tool is printed, left out and timed again, up to retries
// times; after that, rounds are kept whatever was taken, and the
// summary says so. It returns the runs of the rounds kept, by tool, and
// the number of attempts made.
func (tm timer) rounds(tools []tool, rounds int, dir func(attempt int) int) ([][]run, int, error) {
	w := tm.w
	fmt.Fprintf(w, "%-16s %10s %10s %10s %12s %8s %7s\n", "", "wall", "user", "system", "peak RSS", "files", "stolen")
	all := make([][]run, len(tools)) // by tool, by round kept
	attempt, retried, over := 0, 0, 0
	for i := 1; i <= max(rounds, 1); {
		attempt++
		round := make([]run, len(tools))
		worst, by := 0.0, ""
		for t, tool := range tools {
			tm.settle()
			r, err := timed(tm.stolen, tool.name, tool.bin, tool.args(dir(attempt))...)
			if err != nil {
				return nil, attempt, err
			}
			round[t] = r
			share := tm.stolenShare(r)
			if share > worst {
				worst, by = share, tool.name
			}
			label := tool.name
			if rounds > 1 {
				label += " #" + strconv.Itoa(i)
			}
			fmt.Fprintf(w, "%-16s %9.2fs %9.2fs %9.2fs %9.0f MB %8d %6.1f%%\n", label, r.wall.Seconds(), r.user.Seconds(), r.sys.Seconds(), float64(r.rss)/1e6, countFiles(tool.out(dir(attempt))), 100*share)
		}
		if worst > tm.maxSteal {
			if retried < tm.retries {
				retried++
				fmt.Fprintf(w, "  (round %d left out: %.0f %% of the CPUs was taken by the hypervisor during %s, over %.0f %%; timed again)\n", i, 100*worst, by, 100*tm.maxSteal)
				continue
			}
			over++
		}
		for t := range tools {
			all[t] = append(all[t], round[t])
		}
		i++
	}
	if retried > 0 || over > 0 {
		fmt.Fprintf(w, "  rounds timed again for steal: %d; rounds kept with more than %.0f %% stolen: %d\n", retried, 100*tm.maxSteal, over)
	}
	return all, attempt, nil
}

// summarize prints the medians of atlas, Hugo and Pagefind (in that order
// in all) and the ratios the targets are stated in.
func summarize(w io.Writer, what string, tools []tool, all [][]run, maxTime, maxMem float64) {
	var timeRatios, memRatios, cpuRatios []float64
	for i := range all[0] {
		a, h, p := all[0][i], all[1][i], all[2][i]
		timeRatios = append(timeRatios, a.wall.Seconds()/(h.wall+p.wall).Seconds())
		if peak := max(h.rss, p.rss); a.rss > 0 && peak > 0 {
			memRatios = append(memRatios, float64(a.rss)/float64(peak))
		}
		cpuRatios = append(cpuRatios, a.cpu.Seconds()/(h.cpu+p.cpu).Seconds())
	}
	if len(all[0]) > 1 {
		fmt.Fprintf(w, "\n%s, median of %d:\n", what, len(all[0]))
		for t, tool := range tools {
			var wall, user, sys, rss []float64
			for _, r := range all[t] {
				wall, user, sys = append(wall, r.wall.Seconds()), append(user, r.user.Seconds()), append(sys, r.sys.Seconds())
				rss = append(rss, float64(r.rss))
			}
			fmt.Fprintf(w, "%-16s %9.2fs %9.2fs %9.2fs %9.0f MB\n", tool.name, median(wall), median(user), median(sys), median(rss)/1e6)
		}
		fmt.Fprintf(w, "each wall-time ratio: %s\n", ratios(timeRatios))
	}
	timeRatio, memRatio := median(timeRatios), median(memRatios)
	fmt.Fprintf(w, "\n%s: atlas / (hugo + pagefind) wall time:   %.3f (target ≤ %.2f) %s\n", what, timeRatio, maxTime, verdict(timeRatio <= maxTime))
	if memRatio > 0 {
		fmt.Fprintf(w, "%s: atlas / max(hugo, pagefind) peak RSS: %.3f (target ≤ %.2f) %s\n", what, memRatio, maxMem, verdict(memRatio <= maxMem))
	} else {
		fmt.Fprintf(w, "%s: atlas / max(hugo, pagefind) peak RSS: unknown on this system (no getrusage)\n", what)
	}
	fmt.Fprintf(w, "%s: atlas / (hugo + pagefind) CPU time:    %.3f\n", what, median(cpuRatios))
}

// settle waits until the kernel has written out what earlier runs left in
// memory and the disks have gone quiet (at most a minute each), so that
// the next tool's writes do not queue behind them. Quiet matters as much
// as written: deleting the previous output of a tool (a gigabyte and
// 100,000 files for atlas) makes a file system mounted with discard trim
// for many seconds after rm returns, and every file created meanwhile waits
// on the journal; without this the tool that wrote the most paid for its
// own last run.
func settle() {
	syncDisks()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		if dirtyBytes() < 32<<20 {
			break
		}
	}
	prev := diskBusy()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); {
		time.Sleep(time.Second)
		busy := diskBusy()
		if busy-prev < 50*time.Millisecond { // busy under 5 % of the last second
			return
		}
		prev = busy
	}
}

// diskBusy is how long the machine's disks have been doing I/O, summed
// (io_ticks of /sys/block/*/stat, loop and RAM devices left out), or 0
// where there is no /sys.
func diskBusy() time.Duration {
	devs, _ := filepath.Glob("/sys/block/*/stat")
	var total time.Duration
	for _, p := range devs {
		dev := filepath.Base(filepath.Dir(p))
		if strings.HasPrefix(dev, "loop") || strings.HasPrefix(dev, "ram") || strings.HasPrefix(dev, "zram") {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		if f := strings.Fields(string(data)); len(f) >= 10 {
			ms, _ := strconv.ParseInt(f[9], 10, 64)
			total += time.Duration(ms) * time.Millisecond
		}
	}
	return total
}

// dirtyBytes is the memory waiting to be written to disk (Dirty and
// Writeback in /proc/meminfo), or 0 where there is no /proc.
func dirtyBytes() int64 {
	data, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0
	}
	var total int64
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && (f[0] == "Dirty:" || f[0] == "Writeback:") {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			total += kb << 10
		}
	}
	return total
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func ratios(xs []float64) string {
	var parts []string
	for _, x := range xs {
		parts = append(parts, fmt.Sprintf("%.3f", x))
	}
	return strings.Join(parts, ", ")
}

func verdict(ok bool) string {
	if ok {
		return "ok"
	}
	return "MISSED"
}

// timed runs a command and returns its wall time, CPU time, peak memory,
// and the steal (stolen's growth) while it ran.
func timed(stolen func() time.Duration, name, bin string, args ...string) (run, error) {
	cmd := exec.Command(bin, args...)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	steal0 := stolen()
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	steal := stolen() - steal0
	if err != nil {
		return run{}, fmt.Errorf("%s: %w\n%s", name, err, tail(out.String()))
	}
	ps := cmd.ProcessState
	r := run{name: name, wall: wall, user: ps.UserTime(), sys: ps.SystemTime(), rss: peakRSS(ps), steal: steal}
	r.cpu = r.user + r.sys
	return r, nil
}

func tail(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > 20 {
		lines = lines[len(lines)-20:]
	}
	return strings.Join(lines, "\n")
}

func abs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return a
}

func countFiles(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}
