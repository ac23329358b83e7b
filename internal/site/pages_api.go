package site

import (
	"fmt"
	"html/template"
	"slices"

	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/export"
	"github.com/telemetry-atlas/atlas/internal/parallel"
	"github.com/telemetry-atlas/atlas/internal/publish"
	"github.com/telemetry-atlas/atlas/internal/vendor"
	"github.com/telemetry-atlas/atlas/internal/verdict"
)

// The paths of the data exports. They are the same in every language: the
// data carries both languages' texts.
const (
	apiVendorsJSON = "/api/v1/vendors.json"
	apiVendorsCSV  = "/api/v1/vendors.csv"
	apiHosts       = "/api/v1/hosts.txt"
)

func apiVendorJSON(id string) string  { return "/api/v1/vendors/" + id + ".json" }
func apiVendorHosts(id string) string { return "/api/v1/hosts/" + id + ".txt" }

// apiView is /api/: every export, its format and its licence.
type apiView struct {
	VendorsJSON, VendorsCSV, Hosts string
	Feeds                          []labelled // feed path by language name
	Format                         string
	FormatOne                      string
	Version                        int
	License                        string
	CSVColumns                     []string
	Vendors                        []apiVendor
	Heatmap                        string

	b    *builder
	lang string
}

// VendorsHTML is the rows of the table of every record's files
// (render_tables.go).
func (v apiView) VendorsHTML() (template.HTML, error) { return v.b.apiVendorsHTML(v.lang, v.Vendors) }

// apiVendor is one record's files.
type apiVendor struct {
	ID, Name, URL, JSON, Hosts string
	HasHosts                   bool
}

func (b *builder) apiPages() []*Page {
	return localized("/api/", func(lang, url string) *Page {
		v := apiView{
			VendorsJSON: apiVendorsJSON, VendorsCSV: apiVendorsCSV, Hosts: apiHosts,
			Format: export.FormatVendors, FormatOne: export.FormatVendor, Version: export.Version,
			License: export.License, CSVColumns: export.CSVHeader(), Heatmap: heatmapPath(lang),
			b: b, lang: lang,
		}
		for _, l := range course.Languages {
			v.Feeds = append(v.Feeds, labelled{ID: feedPath(l), Label: view{b: b}.LangName(l)})
		}
		for _, r := range b.in.Records {
			v.Vendors = append(v.Vendors, apiVendor{ID: r.ID, Name: displayName(r),
				URL: course.Localize(lang, "/vendors/"+r.ID+"/"), JSON: apiVendorJSON(r.ID),
				Hosts: apiVendorHosts(r.ID), HasHosts: len(r.Endpoints) > 0})
		}
		title, _ := b.in.Templates.text(lang, "api.title")
		return &Page{Template: "api", Section: "api", Title: title, Data: v}
	})
}

// exports renders the files that are not pages: the JSON and CSV of every
// record with its verdict, one JSON per record, the hosts files, the Atom
// feeds of incidents, the heatmap pictures and the columns of /compare/.
// With only set, of the files made for each record (its JSON and hosts
// file) and of the columns (a file for each group of records) it renders
// only those of that record, for the preview after an edit of it.
func (b *builder) exports(only *vendor.Record) (publish.Files, error) {
	// The exports are independent of each other, so they are made side by
	// side, each into files of its own; no two make the same file. The
	// errors are reported in the order of the jobs, the columns of
	// /compare/ between the data and the feeds, so a failing build always
	// names the same one.
	recs := b.in.Records
	verdicts := make([]verdict.Verdict, len(recs))
	parallel.Each(len(recs), func(i int) { verdicts[i] = b.judge(recs[i]) }) // judged already for the pages
	meta := export.Meta{Generated: b.in.Today, BaseURL: b.absolute("")}
	tables := []func() (publish.Files, error){
		func() (publish.Files, error) { return jsonExports(recs, verdicts, meta, only) },
		func() (publish.Files, error) { return hostsExports(recs, meta, only), nil },
		func() (publish.Files, error) {
			data, err := export.VendorsCSV(recs, verdicts, b.in.Taxonomy)
			return publish.Files{apiVendorsCSV[1:]: data}, err
		},
	}
	var columns, feeds []func() (publish.Files, error)
	for _, lang := range course.Languages {
		columns = append(columns, func() (publish.Files, error) { return b.compareColumnFiles(lang, only) })
		feeds = append(feeds, func() (publish.Files, error) { return b.feed(lang) },
			func() (publish.Files, error) {
				svg, err := b.heatmap(lang)
				if err != nil {
					return nil, fmt.Errorf("heatmap (%s): %w", lang, err)
				}
				return publish.Files{heatmapPath(lang)[1:]: svg}, nil
			})
	}
	jobs := slices.Concat(tables, columns, feeds)
	made := make([]publish.Files, len(jobs))
	errs := make([]error, len(jobs))
	parallel.Each(len(jobs), func(i int) { made[i], errs[i] = jobs[i]() })
	files := publish.Files{}
	for i := range jobs {
		if errs[i] != nil {
			return nil, errs[i]
		}
		for name, data := range made[i] {
			files[name] = data
		}
	}
	return files, nil
}

// jsonExports makes vendors.json and the JSON of each record (or of only),
// marshalling each record once for both.
func jsonExports(recs []*vendor.Record, verdicts []verdict.Verdict, meta export.Meta, only *vendor.Record) (publish.Files, error) {
	vs, err := export.EncodeVendors(recs, verdicts, meta)
	if err != nil {
		return nil, err
	}
	files := make(publish.Files, vs.Len()+1)
	files[apiVendorsJSON[1:]] = vs.All()
	for i := range vs.Len() {
		if only == nil || vs.ID(i) == only.ID {
			files[apiVendorJSON(vs.ID(i))[1:]] = vs.File(i)
		}
	}
	return files, nil
}

// hostsExports makes the hosts file of all records and of each record (or
// of only).
func hostsExports(recs []*vendor.Record, meta export.Meta, only *vendor.Record) publish.Files {
	files := make(publish.Files, len(recs)+1)
	files[apiHosts[1:]] = export.Hosts(recs, meta)
	for _, r := range recs {
		if only == nil || r == only {
			files[apiVendorHosts(r.ID)[1:]] = export.VendorHosts(r, meta)
		}
	}
	return files
}

// feed makes the Atom feed of incidents in lang.
func (b *builder) feed(lang string) (publish.Files, error) {
	title, err := b.in.Templates.text(lang, "incidents.feed")
	if err != nil {
		return nil, err
	}
	data, err := export.IncidentsAtom(b.in.Records, export.Feed{BaseURL: b.absolute(""), Lang: lang, Title: title,
		Path: feedPath(lang), Updated: b.in.Today, Limit: feedEntries})
	if err != nil {
		return nil, err
	}
	return publish.Files{feedPath(lang)[1:]: data}, nil
}
