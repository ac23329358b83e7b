package site

import (
	"fmt"
	"strings"

	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/parallel"
	"github.com/telemetry-atlas/atlas/internal/publish"
	"github.com/telemetry-atlas/atlas/internal/search"
	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// searchIndex builds the search index of every language from what the
// build already holds: chapter sections, vendor records and categories. The
// manifest URLs go into every page's search form.
func (b *builder) searchIndex() error {
	// The languages' indexes are independent: one per CPU.
	langs := course.Languages
	made := make([]publish.Files, len(langs))
	manifests := make([]string, len(langs))
	errs := make([]error, len(langs))
	parallel.Each(len(langs), func(i int) {
		docs, err := b.searchDocs(langs[i])
		if err != nil {
			errs[i] = err
			return
		}
		opt := search.Options{Lang: langs[i]}
		if b.in.LiveSearch != nil {
			var live *search.Live
			live, made[i], manifests[i], err = search.BuildLive(docs, opt)
			b.in.LiveSearch.set(langs[i], live)
		} else {
			made[i], manifests[i], err = search.Build(docs, opt)
		}
		if err != nil {
			errs[i] = fmt.Errorf("search index (%s): %w", langs[i], err)
		}
	})
	b.searchFiles = publish.Files{}
	for i, lang := range langs {
		if errs[i] != nil {
			return errs[i]
		}
		for name, data := range made[i] {
			b.searchFiles[name] = data
		}
		b.searchManifest[lang] = manifests[i]
	}
	return nil
}

func (b *builder) searchDocs(lang string) ([]search.Doc, error) {
	t := func(key string) (string, error) { return b.in.Templates.text(lang, key) }
	courseLabel, err := t("nav.course")
	if err != nil {
		return nil, err
	}
	vendorLabel, err := t("search.type.vendor")
	if err != nil {
		return nil, err
	}
	categoryLabel, err := t("search.type.category")
	if err != nil {
		return nil, err
	}
	// One document per section, page, record and category: sized once,
	// the list is not copied as it grows (a Doc is 120 bytes, and there
	// are tens of thousands).
	chapters, pages := b.chapters(lang), pageKeys(b.in.Course)
	n := len(pages) + len(b.in.Records) + len(b.in.Taxonomy.Categories)
	for _, d := range chapters {
		n += len(d.Sections)
	}
	docs := make([]search.Doc, 0, n)
	for _, d := range chapters {
		docs = chapterSearchDocs(docs, d, lang, courseLabel)
	}
	for _, key := range pages {
		docs = append(docs, b.pageSearchDoc(key, lang))
	}
	tx := b.in.Taxonomy
	for _, r := range b.in.Records {
		docs = append(docs, b.recordSearchDoc(r, lang, vendorLabel))
	}
	for _, c := range tx.Categories {
		text := c.In(lang)
		docs = append(docs, search.Doc{
			Type: "category", URL: course.Localize(lang, "/categories/"+c.ID+"/"), Title: text.Label,
			Where: categoryLabel, Body: text.Description + " " + c.Apple + " " + c.Google,
			Facets: map[string][]string{"category": {c.ID}},
		})
	}
	return docs, nil
}

// chapterSearchDocs appends a chapter's documents in lang to docs: one
// per section.
func chapterSearchDocs(docs []search.Doc, d *course.Doc, lang, courseLabel string) []search.Doc {
	base := course.Localize(lang, course.URL(course.Languages[0], course.KindChapter, d.Key))
	for _, s := range d.Sections {
		doc := search.Doc{Type: "chapter", URL: base, Title: d.Title, Where: courseLabel, Headings: d.Title, Body: s.Text}
		if s.ID != "" {
			doc.URL = base + "#" + s.ID
			doc.Title = s.Heading
			doc.Where = courseLabel + " › " + d.Title
		}
		docs = append(docs, doc)
	}
	return docs
}

// pageSearchDoc is the document of the standalone page of key in lang.
func (b *builder) pageSearchDoc(key, lang string) search.Doc {
	d := b.docIn(lang, course.KindPage, key)
	url := course.Localize(lang, course.URL(course.Languages[0], course.KindPage, key))
	var body strings.Builder
	for _, s := range d.Sections {
		body.WriteString(s.Heading + " " + s.Text + " ")
	}
	return search.Doc{Type: "page", URL: url, Title: d.Title, Where: d.Summary, Body: body.String()}
}

// recordSearchDoc is a record's document in lang: the plain text of the
// record, not its page, for rendering Markdown and highlighting snippets
// is the page's work, done once, later.
func (b *builder) recordSearchDoc(r *vendor.Record, lang, vendorLabel string) search.Doc {
	txt := localText(r, lang)
	doc := search.Doc{
		Type: "vendor", URL: course.Localize(lang, "/vendors/"+r.ID+"/"), Title: displayName(r),
		Where:  vendorLabel + " · " + b.kindLabel(r, lang),
		Facets: map[string][]string{"kind": {r.Kind}, "platform": r.Platforms},
	}
	var heads, body []string
	body = append(body, txt.Summary, txt.Versions)
	seen := map[string]bool{}
	for i, c := range r.Collects {
		if !seen[c.Category] {
			label := c.Category
			if t, ok := vendor.Find(b.in.Taxonomy.Categories, c.Category); ok {
				label = t.In(lang).Label
			}
			doc.Facets["category"] = append(doc.Facets["category"], c.Category)
			heads = append(heads, label)
			seen[c.Category] = true
		}
		body = append(body, strings.Join(txt.Items[i], ", "))
	}
	for i, e := range r.Endpoints {
		body = append(body, e.Host, txt.Purposes[i])
	}
	// The incidents as the record's page lists them, made here: the
	// list of every record's (recordIncidents) is the pages' to make, and
	// the preview's update of one record's entry would make it all.
	for _, i := range newestIncidents(r) {
		title, summary, _ := incidentText(r, i, lang)
		body = append(body, title, summary)
	}
	body = append(body, txt.Hows...)
	doc.Headings = strings.Join(heads, " · ")
	doc.Body = strings.Join(body, " ")
	return doc
}

// kindLabel is the label of a record's kind in lang, as its page shows it
// (vendorSummary's Kind). The search index needs no more of the summary:
// vendorSummary also judges the record, which the index never shows, and
// the index is made before any page can render.
func (b *builder) kindLabel(r *vendor.Record, lang string) string {
	if k, ok := vendor.Find(b.in.Taxonomy.Kinds, r.Kind); ok {
		return k.In(lang).Label
	}
	return ""
}

// pageKeys are the keys of the English standalone pages.
func pageKeys(c *course.Course) []string {
	var keys []string
	for _, d := range c.Pages(course.Languages[0]) {
		keys = append(keys, d.Key)
	}
	return keys
}
