package site

import (
	"fmt"

	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/export"
	"github.com/telemetry-atlas/atlas/internal/publish"
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
}

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
func (b *builder) exports() (publish.Files, error) {
	files := publish.Files{}
	put := func(p string, data []byte) { files[p[1:]] = data }
	recs := b.in.Records
	verdicts := make([]verdict.Verdict, len(recs))
	for i, r := range recs {
		verdicts[i] = verdict.Judge(r, b.in.Taxonomy)
	}
	meta := export.Meta{Generated: b.in.Today, BaseURL: b.absolute("")}
	data, err := export.VendorsJSON(recs, verdicts, meta)
	if err != nil {
		return nil, err
	}
	put(apiVendorsJSON, data)
	for i, r := range recs {
		data, err := export.VendorJSON(r, verdicts[i], meta)
		if err != nil {
			return nil, err
		}
		put(apiVendorJSON(r.ID), data)
		put(apiVendorHosts(r.ID), export.VendorHosts(r, meta))
	}
	if data, err = export.VendorsCSV(recs, verdicts, b.in.Taxonomy); err != nil {
		return nil, err
	}
	put(apiVendorsCSV, data)
	put(apiHosts, export.Hosts(recs, meta))
	columns, err := b.compareColumnFiles()
	if err != nil {
		return nil, err
	}
	for name, data := range columns {
		files[name] = data
	}
	for _, lang := range course.Languages {
		title, err := b.in.Templates.text(lang, "incidents.feed")
		if err != nil {
			return nil, err
		}
		data, err := export.IncidentsAtom(recs, export.Feed{BaseURL: b.absolute(""), Lang: lang, Title: title,
			Path: feedPath(lang), Updated: b.in.Today})
		if err != nil {
			return nil, err
		}
		put(feedPath(lang), data)
		svg, err := b.heatmap(lang)
		if err != nil {
			return nil, fmt.Errorf("heatmap (%s): %w", lang, err)
		}
		put(heatmapPath(lang), svg)
	}
	return files, nil
}
