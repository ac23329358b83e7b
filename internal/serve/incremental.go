package serve

import (
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/telemetry-atlas/atlas/internal/build"
	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/diag"
	"github.com/telemetry-atlas/atlas/internal/publish"
	"github.com/telemetry-atlas/atlas/internal/search"
	"github.com/telemetry-atlas/atlas/internal/site"
	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// quiet is how long the sources must stay unchanged after an incremental
// rebuild before the whole site is rebuilt in the background: an edit puts
// its entries into the search index in place, but only a whole build lists
// a renamed section's, and makes the index's mean lengths exact again.
const quiet = 3 * time.Second

// Changed rebuilds after the files at paths (relative to root, the source
// folder) changed. An edit of one chapter or page whose title, summary,
// key and order stay the same re-renders only the pages it shows on, and an
// edit of one record its own pages, then the tables and the exports (see
// site.RenderRecordPages, site.RenderRecordTables); either puts its
// entries into the search index (see site.ReindexDoc, site.ReindexRecord),
// and the pages made reload at once. Any other change rebuilds the whole
// site.
func (s *Server) Changed(root string, paths []string) error {
	paths = slices.DeleteFunc(slices.Clone(paths), editorScratch)
	if len(paths) == 1 {
		if done, err := s.quick(root, paths[0]); done {
			return err
		}
	}
	return s.Rebuild()
}

// quick tries the incremental rebuild of one edited chapter, page or
// record. It reports false when the change needs a whole build.
func (s *Server) quick(root, rel string) (bool, error) {
	rel = filepath.ToSlash(rel)
	if lang, kind, ok := docPlace(rel); ok {
		return s.quickDoc(root, rel, lang, kind)
	}
	if id, ok := recordPlace(rel); ok {
		return s.quickRecord(root, rel, id)
	}
	return false, nil
}

// current returns the last good build's input and files for an
// incremental rebuild after rel changed, or nil when there is none, or
// when the last build failed and not for rel's own problems.
func (s *Server) current(rel string) (*site.Input, publish.Files) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.in == nil || (s.lastErr != "" && s.failed != rel) {
		return nil, nil
	}
	return s.in, s.files
}

// quickDoc re-renders the pages an edited chapter or page shows on.
func (s *Server) quickDoc(root, rel, lang string, kind course.Kind) (bool, error) {
	start := time.Now()
	in, prev := s.current(rel)
	if in == nil {
		return false, nil
	}
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		return false, nil // removed or renamed: a whole build
	}
	d, probs := course.ParseFile(course.SourceFile{Name: rel, Lang: lang, Kind: kind, Data: data})
	if d == nil && len(probs) == 0 {
		return false, nil
	}
	if len(probs) > 0 {
		// Half-written or wrong: show the problems and keep the last good
		// site; the next save is tried again.
		s.fail(rel, probs.Error())
		return true, nil
	}
	old := in.Course.Find(d.Lang, d.Kind, d.Key)
	if old == nil || old.File != rel {
		return false, nil
	}
	c, ok := in.Course.Replace(d)
	if !ok {
		return false, nil
	}
	next := *in
	next.Course = c
	parsed := time.Now()
	pages, probs, ok, err := site.RenderDoc(next, prev, old, d)
	if err != nil || !ok {
		return false, nil
	}
	return s.swapEdit(rel, &next, prev, pages, probs, start, parsed, func() (search.Changes, bool, error) {
		return site.ReindexDoc(next, old, d)
	})
}

// quickRecord re-renders the pages and files an edited record shows on.
func (s *Server) quickRecord(root, rel, id string) (bool, error) {
	start := time.Now()
	in, prev := s.current(rel)
	if in == nil {
		return false, nil
	}
	i, found := slices.BinarySearchFunc(in.Records, id, func(r *vendor.Record, id string) int {
		return strings.Compare(r.ID, id)
	})
	if !found {
		return false, nil // a new record: a whole build
	}
	file := filepath.Join(root, filepath.FromSlash(rel))
	if st, err := os.Lstat(file); err != nil || !st.Mode().IsRegular() {
		return false, nil // removed, renamed or not a plain file: a whole build says
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return false, nil
	}
	r, probs := vendor.Decode(rel, data, in.Taxonomy, in.Today)
	if len(probs) > 0 {
		s.fail(rel, probs.Error())
		return true, nil
	}
	old := in.Records[i]
	next := *in
	next.Records = slices.Clone(in.Records)
	next.Records[i] = r
	parsed := time.Now()
	// Two steps: the record's own pages, which the page open in the
	// browser is most likely to be, reload as soon as they are made; the
	// tables and the exports, which take the rest of the time, follow.
	pages, probs, ok, err := site.RenderRecordPages(next, prev, old, r)
	if err != nil || !ok {
		return false, nil
	}
	if done, err := s.swapEdit(rel, &next, prev, pages, probs, start, parsed, func() (search.Changes, bool, error) {
		return site.ReindexRecord(next, r)
	}); len(probs) > 0 {
		return done, err
	}
	start = time.Now()
	_, withPages := s.current(rel)
	tables, probs, ok, err := site.RenderRecordTables(next, withPages, old, r)
	if err != nil || !ok {
		return false, nil
	}
	return s.swap(rel, "then its tables and exports,", &next, withPages, tables, nil, pagePaths(tables), probs, start, start)
}

// pagePaths are the URL paths of the HTML pages among files, for the
// reload event: only the pages open at those paths reload.
func pagePaths(files publish.Files) []string {
	var out []string
	for name := range files {
		if dir, ok := strings.CutSuffix(name, "index.html"); ok {
			out = append(out, "/"+dir)
		} else if strings.HasSuffix(name, ".html") {
			out = append(out, "/"+name)
		}
	}
	slices.Sort(out)
	return out
}

// swapEdit serves the pages an edit re-rendered, as swap does, with the
// edit put into the search index first (reindex) when the pages have no
// problems. When the edit cannot go into the index (a chapter's section
// renamed), the index stays the last whole build's, which lists the old
// text, until the whole build that follows every edit.
func (s *Server) swapEdit(rel string, next *site.Input, prev, pages publish.Files, probs diag.Problems, start, parsed time.Time,
	reindex func() (search.Changes, bool, error)) (bool, error) {
	reload := pagePaths(pages)
	var gone []string
	if len(probs) == 0 {
		ch, ok, err := reindex()
		if err != nil {
			fmt.Fprintf(s.log, "search index not updated: %v\n", err)
		}
		if ok && err == nil {
			maps.Copy(pages, ch.Files)
			gone = ch.Removed
			// A search page keeps the index files it fetched until it reloads.
			for _, lang := range course.Languages {
				reload = append(reload, course.Localize(lang, "/search/"))
			}
		}
	}
	return s.swap(rel, "re-rendered", next, prev, pages, gone, reload, probs, start, parsed)
}

// swap serves prev with the re-rendered files, minified, in it and the
// files gone out of it, and reloads the pages open at the paths reload; or,
// when the new files have problems, keeps prev and shows them. what says
// in the log what was done.
func (s *Server) swap(rel, what string, next *site.Input, prev, files publish.Files, gone, reload []string, probs diag.Problems, start, parsed time.Time) (bool, error) {
	if len(probs) > 0 {
		s.fail(rel, probs.Error())
		return true, nil
	}
	rendered := time.Now()
	all := maps.Clone(prev)
	for _, name := range gone {
		delete(all, name)
	}
	maps.Copy(all, files)
	s.mu.Lock()
	s.files, s.in, s.lastErr, s.failed = all, next, "", ""
	s.version++
	s.good++
	s.mu.Unlock()
	s.broadcast(event{"reload", strings.Join(reload, "\n")})
	fmt.Fprintf(s.log, "%s: %s %d files in %s (parse %s, render %s, swap %s)\n", rel, what, len(files),
		time.Since(start).Round(time.Millisecond), parsed.Sub(start).Round(time.Millisecond),
		rendered.Sub(parsed).Round(time.Millisecond), time.Since(rendered).Round(time.Millisecond))
	s.scheduleRefresh()
	return true, nil
}

// fail shows the problems of the edit of rel over the page and keeps the
// last good site.
func (s *Server) fail(rel, msg string) {
	s.mu.Lock()
	s.lastErr, s.failed = msg, rel
	s.version++
	s.mu.Unlock()
	fmt.Fprintf(s.log, "problems; still serving the last good site:\n%s\n", msg)
	s.broadcast(event{"problems", msg})
}

// scheduleRefresh rebuilds the whole site once the sources have been quiet
// for a while. The result is used only if nothing changed meanwhile; pages
// are not reloaded for it.
func (s *Server) scheduleRefresh() {
	s.mu.RLock()
	version := s.version
	s.mu.RUnlock()
	s.refreshMu.Lock()
	defer s.refreshMu.Unlock()
	if s.refresh != nil {
		s.refresh.Stop()
	}
	s.refresh = time.AfterFunc(quiet, func() {
		res, err := build.Run(s.opt)
		s.mu.Lock()
		defer s.mu.Unlock()
		if err != nil || s.version != version {
			return // a later change wins; it schedules its own refresh
		}
		s.files, s.in = res.Files, res.Input
	})
}

// editorScratch reports the files editors write beside the one being saved
// (vim's .swp and 4913 probe, backups ending in ~, dot files): no page
// depends on them.
func editorScratch(p string) bool {
	base := filepath.Base(p)
	return strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || base == "4913" ||
		strings.HasSuffix(base, ".swp") || strings.HasSuffix(base, ".swx")
}

// docPlace says whether rel is a chapter or page, content/<lang>/course/*.md
// or content/<lang>/pages/*.md, and of which language and kind.
func docPlace(rel string) (string, course.Kind, bool) {
	parts := strings.Split(rel, "/")
	if len(parts) != 4 || parts[0] != "content" || path.Ext(parts[3]) != ".md" {
		return "", "", false
	}
	known := false
	for _, l := range course.Languages {
		known = known || l == parts[1]
	}
	switch {
	case !known:
		return "", "", false
	case parts[2] == "course":
		return parts[1], course.KindChapter, true
	case parts[2] == "pages":
		return parts[1], course.KindPage, true
	}
	return "", "", false
}

// recordPlace says whether rel is a record, vendors/<id>.yaml, and whose.
func recordPlace(rel string) (string, bool) {
	dir, file := path.Split(rel)
	id, ok := strings.CutSuffix(file, ".yaml")
	return id, ok && dir == "vendors/" && vendor.ValidID(id)
}

// Close stops a pending background rebuild.
func (s *Server) Close() {
	s.refreshMu.Lock()
	defer s.refreshMu.Unlock()
	if s.refresh != nil {
		s.refresh.Stop()
	}
}
