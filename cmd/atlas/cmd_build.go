package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/telemetry-atlas/atlas/internal/build"
	"github.com/telemetry-atlas/atlas/internal/doccache"
	"github.com/telemetry-atlas/atlas/internal/publish"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("build", "atlas build [--source DIR] [--out DIR] [--base-url URL] [--stats]",
		"Check every record, chapter and link, render the site and swap it into --out.\n"+
			"On any problem the previous site stays as it was. The site replaced is kept beside\n"+
			"--out (.public.prev for public) for the next build to write over, and from the\n"+
			"second build into --out on, the parsed chapters and checked records too\n"+
			"(.public.cache/), for the next build to parse only the files that changed.", stderr)
	var f siteFlags
	f.register(fs, true)
	stats := fs.Bool("stats", false, "print documents, pages, bytes written and time per stage")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile (pprof) of the build to this file")
	memProfile := fs.String("memprofile", "", "write a heap profile (pprof) at the end of the build to this file")
	useCache := fs.Bool("cache", true, "reuse the chapters and records the last build parsed, when their files have not changed (kept beside --out from the second build on: .public.cache/)")
	heapLimit := fs.Int("heap-limit", defaultHeapLimit, "soft limit of the heap in MiB: the collector aims at three quarters of it and works harder near it (0: none; GOMEMLIMIT, when set, wins)")
	var huge hugePages
	fs.Var(&huge, "huge-pages", "ask Linux for transparent huge pages for the heap, where it gives them only when asked (transparent_hugepage/enabled: madvise): auto, the default, asks unless the host takes back the memory the machine frees (virtio-balloon free page reporting); true or false decides")
	if code, done := parse(fs, args); done {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "atlas build: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	opt, err := f.options()
	if err != nil {
		fmt.Fprintf(stderr, "atlas build: %v\n", err)
		return exitUsage
	}
	defer limitHeap(*heapLimit)()
	advise, hugeNote := huge.decide(hostReclaimsFreedMemory)
	if advise {
		hugeNote = adviseHugePages()
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "atlas build: %v\n", err)
			return exitUsage
		}
		defer stop()
	}
	if *memProfile != "" {
		defer func() {
			if err := writeHeapProfile(*memProfile); err != nil {
				fmt.Fprintf(stderr, "atlas build: %v\n", err)
			}
		}()
	}
	prog := newProgress(stderr)
	opt.Progress = prog.report
	start := time.Now()
	// Pages are minified and written as they render, into a new tree beside
	// --out that replaces it only when the whole build succeeded.
	tree, err := publish.NewTree(f.out)
	if err != nil {
		fmt.Fprintf(stderr, "atlas build: %v\n", err)
		return exitContent
	}
	opt.Out = tree
	var cache *doccache.Cache
	cacheNote := "off"
	if *useCache {
		cache, cacheNote = openCache(f.out, stderr)
		if cache != nil {
			opt.Cache = cache
		}
	}
	res, err := build.Run(opt)
	if cache != nil {
		if err := cache.Save(); err != nil {
			prog.clear()
			fmt.Fprintf(stderr, "atlas build: %v (the next build parses every chapter and record)\n", err)
		}
	}
	if err != nil {
		tree.Abort()
		prog.clear()
		return report(stderr, res, err, "text")
	}
	prog.report("commit", 0, 0)
	commitStart := time.Now()
	if err := tree.Commit(); err != nil {
		prog.clear()
		fmt.Fprintf(stderr, "atlas build: %v\n", err)
		return exitContent
	}
	prog.clear()
	res.Stats.Stages = append(res.Stats.Stages, build.Stage{Name: "commit", Duration: time.Since(commitStart)})
	if *stats {
		printStats(stdout, res.Stats)
		if hugeNote != "" {
			fmt.Fprintf(stdout, "memory:    %s\n", hugeNote)
		}
		printCacheStats(stdout, cache, cacheNote)
		printTreeStats(stdout, tree.Stats())
	}
	fmt.Fprintf(stdout, "built %d pages (%d files, %.1f MB) into %s in %s\n",
		res.Stats.Pages, res.Stats.Files, float64(res.Stats.Bytes)/1e6, f.out, time.Since(start).Round(time.Millisecond))
	return exitOK
}

func printStats(w io.Writer, s build.Stats) {
	fmt.Fprintf(w, "documents: %d chapters and pages, %d records\n", s.Chapters, s.Records)
	fmt.Fprintf(w, "output:    %d pages, %d files, %d bytes written (%.1f MB)\n", s.Pages, s.Files, s.Bytes, float64(s.Bytes)/1e6)
	var total, cpu time.Duration
	for _, st := range s.Stages {
		total += st.Duration
		cpu += st.CPU
	}
	// A stage's CPU time over its wall time is how many cores it kept
	// busy: a step that keeps one of two is where a build waits.
	cores := func(st build.Stage) string {
		if st.CPU <= 0 || st.Duration <= 0 {
			return ""
		}
		return fmt.Sprintf("  CPU %10s  %.2f cores", st.CPU.Round(time.Millisecond), float64(st.CPU)/float64(st.Duration))
	}
	for _, st := range s.Stages {
		share := 0.0
		if total > 0 {
			share = 100 * float64(st.Duration) / float64(total)
		}
		fmt.Fprintf(w, "  %-11s %12s %5.1f%%%s\n", st.Name, st.Duration.Round(time.Microsecond), share, cores(st))
	}
	fmt.Fprintf(w, "  %-11s %12s       %s\n", "total", total.Round(time.Microsecond), cores(build.Stage{Duration: total, CPU: cpu}))
	for _, st := range s.Busy {
		fmt.Fprintf(w, "  of which %s: %s\n", st.Name, st.Duration.Round(time.Microsecond))
	}
	if rss := peakRSS(); rss > 0 {
		fmt.Fprintf(w, "peak memory: %.0f MB (maximum resident set size)\n", float64(rss)/1e6)
	}
}

// openCache opens the document cache beside out, or says why there is
// none. A first build into out keeps none: a one-off build (a fresh clone,
// a deployment) would write 211 MB at 10,000 chapters and records for
// nobody to read. The second build into out writes it, and the third
// parses only what changed.
func openCache(out string, w io.Writer) (*doccache.Cache, string) {
	path := publish.Beside(out, "cache")
	if !exists(out) && !exists(path) {
		return nil, "none: a first build into " + out + " keeps none, the next one will"
	}
	id, err := doccache.Identity()
	if err == nil {
		var c *doccache.Cache
		if c, err = doccache.Open(path, id); err == nil {
			return c, ""
		}
	}
	fmt.Fprintf(w, "atlas build: no document cache, every chapter and record is parsed: %v\n", err)
	return nil, "none: " + err.Error()
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// printCacheStats tells how many documents and records came from the
// cache, or why there was none.
func printCacheStats(w io.Writer, c *doccache.Cache, note string) {
	if c == nil {
		fmt.Fprintf(w, "cache:     %s\n", note)
		return
	}
	st := c.Stats()
	fmt.Fprintf(w, "cache:     %d documents as the last build parsed them, %d parsed; %d records as it checked them, %d decoded\n",
		st.Chapters, st.ChaptersParsed, st.Records, st.RecordsDecoded)
}

// printTreeStats tells how the files went to disk: written over the site
// kept from the build before (see publish/recycle.go), or created.
func printTreeStats(w io.Writer, s publish.TreeStats) {
	fmt.Fprintf(w, "files:     %d written over the previous site's (%d of them the same and left alone, %d of those known by the note on their sums), %d created, %d of its files removed\n", s.Rewritten, s.Unchanged, s.Noted, s.Created, s.Removed)
}
