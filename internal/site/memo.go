package site

import (
	"sync"

	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/vendor"
	"github.com/telemetry-atlas/atlas/internal/verdict"
)

// memo keeps what many pages of one build derive from the same input, so it
// is derived once rather than once per page: at ten thousand records, each
// record's page looking through every incident of every record is most of a
// build. It is filled lazily and safely while pages render in parallel.
type memo struct {
	mu        sync.Mutex
	incidents map[string][]incidentView                    // language → every incident, newest first
	byRecord  map[string]map[*vendor.Record][]incidentView // language → record → its incidents, newest first
	chapters  map[string][]*course.Doc                     // language → the course in that language
	matrix    map[string][]matrixRow                       // language → the rows of the matrix
}

// recordIncidents returns the incidents of one record in lang, in the order
// of b.incidents (newest first): from the list of every record's when a
// page has made it (a whole build's incident pages do, before any record's
// page renders), or else the record's own, made here (the preview's page of
// an edited record, which must not wait for every record's).
func (b *builder) recordIncidents(r *vendor.Record, lang string) []incidentView {
	b.memo.mu.Lock()
	all, listed := b.memo.incidents[lang]
	b.memo.mu.Unlock()
	if !listed {
		var out []incidentView
		for _, i := range newestIncidents(r) {
			out = append(out, b.incidentView(r, i, lang))
		}
		return out
	}
	b.memo.mu.Lock()
	defer b.memo.mu.Unlock()
	if b.memo.byRecord == nil {
		b.memo.byRecord = map[string]map[*vendor.Record][]incidentView{}
	}
	m, ok := b.memo.byRecord[lang]
	if !ok {
		m = map[*vendor.Record][]incidentView{}
		for _, inc := range all {
			m[inc.Record] = append(m[inc.Record], inc)
		}
		b.memo.byRecord[lang] = m
	}
	return m[r]
}

// judge returns the verdict of a record, judged once per build (or, with
// Input.Judged, once for the preview's builds): the record's page, the
// tables, the categories and the search index all show it. Callers must
// not change it.
func (b *builder) judge(r *vendor.Record) verdict.Verdict {
	if v, ok := b.judged.get(r); ok {
		return v
	}
	// Pages judge in parallel; if two judge the same record, the first
	// verdict kept is the one both return.
	return b.judged.keep(r, verdict.Judge(r, b.in.Taxonomy))
}

// Judged keeps the records' verdicts: for one build, and from one build to
// the next of the same content for the preview (Input.Judged). A verdict
// depends on the record and the taxonomy alone, so a record that an edit
// left as it was (the same *vendor.Record) need not be judged again, and
// at ten thousand records judging them all is most of what a record's
// edit costs. It is safe for concurrent use.
type Judged struct {
	m sync.Map // *vendor.Record → verdict.Verdict
}

func (j *Judged) get(r *vendor.Record) (verdict.Verdict, bool) {
	v, ok := j.m.Load(r)
	if !ok {
		return verdict.Verdict{}, false
	}
	return v.(verdict.Verdict), true
}

// keep keeps v as r's verdict unless one is kept already, and returns the
// one kept.
func (j *Judged) keep(r *vendor.Record, v verdict.Verdict) verdict.Verdict {
	kept, _ := j.m.LoadOrStore(r, v)
	return kept.(verdict.Verdict)
}
