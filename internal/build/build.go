// Package build runs the pipeline from the source tree to the files of the
// site: load (config, taxonomy, records, chapters, templates, static files),
// check, render, minify. It never writes: the caller hands the result to
// publish, or serves it from memory.
package build

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/diag"
	"github.com/telemetry-atlas/atlas/internal/publish"
	"github.com/telemetry-atlas/atlas/internal/site"
	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// Options say what to build.
type Options struct {
	Source  fs.FS       // the repository root: content/, vendors/, templates/, static/
	BaseURL string      // overrides content/site.yaml's base_url when set
	Today   vendor.Date // the clock for date checks and "needs review"
	// Progress, when set, is told the stage ("load", "render", "minify")
	// and, for stages that count, how many items are done of how many. It
	// is called from several goroutines at once.
	Progress func(stage string, done, total int)
	// KeepInput keeps the loaded content in Result.Input, for the preview
	// server's incremental rebuilds; a one-off build lets it go.
	KeepInput bool
	// Cache, when set, keeps what this build parses for the next, and
	// gives back what the last one made of the files that have not
	// changed.
	Cache Cache
	// Out, when set, receives every file, minified, as soon as it is
	// rendered, and Result.Files stays empty: the site is never held whole
	// in memory. Put is called from a few goroutines at once, never two
	// for one directory; the files of a directory are put in the order
	// they are made. On problems the caller discards what Out received.
	Out Sink
}

// Cache keeps parsed chapters and checked records between builds
// (internal/doccache).
type Cache interface {
	Chapters() course.Cache
	Records() vendor.Cache
}

// Sink takes the files of a site one by one (publish.Tree writes them).
type Sink interface {
	Put(name string, data []byte) error
}

// Result is a finished build, or the problems that stopped it.
type Result struct {
	Files    publish.Files
	Problems diag.Problems // content problems; when any, Files is nil
	Input    *site.Input   // what was rendered, with Options.KeepInput
	Stats    Stats
}

// Stats say what a build did and where the time went.
type Stats struct {
	Chapters, Pages, Records, Files int
	Bytes                           int64
	Stages                          []Stage
	// Busy is, for a build streamed to Options.Out, the time spent
	// minifying (summed over the workers) and writing (summed over the
	// writer's lanes) inside the render stage.
	Busy []Stage
}

// Stage is the time one step took: Duration of wall time, CPU of the
// process's CPU time (user and system, 0 where it is unknown), so that
// CPU / Duration is how many cores the step kept busy.
type Stage struct {
	Name     string
	Duration time.Duration
	CPU      time.Duration
}

// ErrProblems is returned with a Result whose content has problems.
var ErrProblems = errors.New("the content has problems")

// Run builds the site in memory. Content problems come back in
// Result.Problems with ErrProblems; other errors are failures of the build.
func Run(opt Options) (*Result, error) {
	res := &Result{}
	clock, cpu := time.Now(), cpuTime()
	stage := func(name string) {
		now, nowCPU := time.Now(), cpuTime()
		res.Stats.Stages = append(res.Stats.Stages, Stage{Name: name, Duration: now.Sub(clock), CPU: nowCPU - cpu})
		clock, cpu = now, nowCPU
	}

	progress := opt.Progress
	if progress == nil {
		progress = func(string, int, int) {}
	}
	progress("load", 0, 0)
	in, probs, err := Load(opt)
	if err != nil {
		return nil, err
	}
	stage("load")
	res.Stats.Records = len(in.Records)
	res.Stats.Chapters = len(in.Course.Docs)
	if len(probs) > 0 {
		res.Problems = probs
		return res, ErrProblems
	}

	in.Progress = func(done, total int) { progress("render", done, total) }
	in.Step = stage // the steps of rendering, each a stage of its own
	if opt.KeepInput {
		// The preview re-renders after a record's edit with the others'
		// verdicts as this build judged them, and puts an edit into the
		// search index this build made.
		in.Judged = new(site.Judged)
		in.LiveSearch = new(site.LiveSearch)
	}
	if opt.Out != nil {
		return stream(opt, in, res, stage)
	}
	files, probs, err := site.Build(*in)
	if err != nil {
		return nil, err
	}
	stage("links")
	if len(probs) > 0 {
		res.Problems = probs
		return res, ErrProblems
	}
	minified := func(done, total int) { progress("minify", done, total) }
	if err := publish.NewMinifier().AllProgress(files, minified); err != nil {
		return nil, err
	}
	stage("minify")
	res.Files = files
	if opt.KeepInput {
		res.Input = in
	}
	for name, data := range files {
		res.Stats.Files++
		res.Stats.Bytes += int64(len(data))
		if path.Ext(name) == ".html" {
			res.Stats.Pages++
		}
	}
	return res, nil
}

// Load reads and checks everything a build renders: the configuration, the
// taxonomy, every record and document, the templates and the static files.
// Content problems are returned sorted; err is for failures to read.
func Load(opt Options) (*site.Input, diag.Problems, error) {
	cfg, err := site.LoadConfig(opt.Source, "content/site.yaml")
	if err != nil {
		return nil, nil, err
	}
	if cfg, err = cfg.WithBaseURL(opt.BaseURL); err != nil {
		return nil, nil, err
	}
	tx, err := vendor.LoadTaxonomy()
	if err != nil {
		return nil, nil, err
	}
	// Records and chapters are independent: each loads on every CPU, and
	// side by side neither waits on the other's reading or its last file.
	type loaded struct {
		records []*vendor.Record
		probs   diag.Problems
		err     error
	}
	var (
		chapterCache course.Cache
		recordCache  vendor.Cache
	)
	if opt.Cache != nil {
		chapterCache, recordCache = opt.Cache.Chapters(), opt.Cache.Records()
	}
	recordsDone := make(chan loaded, 1)
	go func() {
		records, probs, err := vendor.LoadDir(opt.Source, "vendors", tx, opt.Today, recordCache)
		recordsDone <- loaded{records, probs, err}
	}()
	c, cprobs, cerr := course.Load(opt.Source, "content", chapterCache)
	r := <-recordsDone
	if r.err != nil {
		return nil, nil, r.err
	}
	if cerr != nil {
		return nil, nil, cerr
	}
	records, probs := r.records, append(r.probs, cprobs...)
	tpl, err := site.LoadTemplates(opt.Source, "templates", course.Languages)
	if err != nil {
		return nil, nil, err
	}
	static, err := readTree(opt.Source, "static")
	if err != nil {
		return nil, nil, err
	}
	probs.Sort()
	return &site.Input{
		Config: cfg, Course: c, Records: records, Taxonomy: tx,
		Templates: tpl, Static: static, Today: opt.Today,
	}, probs, nil
}

// readTree reads every file below dir, keyed by its path relative to dir.
func readTree(fsys fs.FS, dir string) (publish.Files, error) {
	files := publish.Files{}
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == dir {
				return fs.SkipDir
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		rel := p[len(dir)+1:]
		files[rel] = data
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", dir, err)
	}
	return files, nil
}

// stream renders, minifies and writes each file as it is made.
func stream(opt Options, in *site.Input, res *Result, stage func(string)) (*Result, error) {
	mn := publish.NewMinifier()
	var files, pages, bytes, minifying atomic.Int64
	// Each file is minified into a reused buffer, handed to the writer and
	// taken back once written: nothing of it is allocated per file.
	buffers := sync.Pool{New: func() any { return new([]byte) }}
	free := func(buf *[]byte) {
		if cap(*buf) <= 1<<20 { // a rare large file's buffer is let go
			*buf = (*buf)[:0]
			buffers.Put(buf)
		}
	}
	out := newWriter(opt.Out, runtime.GOMAXPROCS(0), 64, free)
	count := func(name string, n int) {
		files.Add(1)
		bytes.Add(int64(n))
		if path.Ext(name) == ".html" {
			pages.Add(1)
		}
	}
	// queue counts a file and hands it, in buf, to the writer.
	queue := func(name string, buf *[]byte) error {
		count(name, len(*buf))
		return out.put(name, buf)
	}
	// queueOwned counts a file whose bytes are the writer's for good and
	// hands them over as they are.
	queueOwned := func(name string, data []byte) error {
		count(name, len(data))
		return out.putOwned(name, data)
	}
	in.Emit = func(name string, data []byte) error {
		t0 := time.Now()
		buf := buffers.Get().(*[]byte)
		min, err := mn.Append((*buf)[:0], name, data) // data is ours until we return
		if err != nil {
			free(buf)
			return err
		}
		*buf = min
		minifying.Add(int64(time.Since(t0)))
		return queue(name, buf)
	}
	// The search index and the exports, made for this build and let go,
	// are handed to the writer as they are when minifying would not
	// change them: 300 MB of JSON at 10,000 records, not copied.
	in.EmitOwned = func(name string, data []byte) error {
		if !publish.Unchanged(name) {
			return in.Emit(name, data)
		}
		return queueOwned(name, data)
	}
	// A page written minified already (a record's) is only copied, or,
	// when it was made in memory of its own (the matrix), not even that.
	in.EmitMinified = func(name string, data []byte, owned bool) error {
		if owned {
			return queueOwned(name, data)
		}
		buf := buffers.Get().(*[]byte)
		*buf = append((*buf)[:0], data...)
		return queue(name, buf)
	}
	in.Consume = !opt.KeepInput
	_, probs, err := site.Build(*in)
	writing, werr := out.close()
	if err == nil {
		err = werr
	}
	if err != nil {
		return nil, err
	}
	stage("links") // the link check, and the writer's last files
	res.Stats.Busy = []Stage{
		{Name: "minify, summed over the workers", Duration: time.Duration(minifying.Load())},
		{Name: "write, summed over the writer's lanes", Duration: writing},
	}
	if len(probs) > 0 {
		res.Problems = probs
		return res, ErrProblems
	}
	res.Stats.Files, res.Stats.Pages, res.Stats.Bytes = int(files.Load()), int(pages.Load()), bytes.Load()
	if opt.KeepInput {
		res.Input = in
	}
	return res, nil
}
