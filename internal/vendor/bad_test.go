package vendor

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// badRecords is the corpus in testdata/bad: one file per kind of failure,
// each a variant of a good record, with every problem it must produce, at
// its exact place. Decode is given the name vendors/<name>.yaml, as LoadDir
// would, so each file's id matches its name.
var badRecords = []struct {
	name string
	want []string
}{
	{"accessed-before-published", []string{
		"vendors/accessed-before-published.yaml:41:15: sources[0].accessed: accessed 2017-01-01 is before published 2017-10-10; accessed is the day you read the source",
	}},
	{"anchor-alias", []string{
		"vendors/anchor-alias.yaml:18:14: YAML anchors (&name) are not allowed in records; write the value out in full, or if this is text that starts with &, put it in quotes",
		"vendors/anchor-alias.yaml:21:14: YAML aliases (*name) are not allowed in records; write the value out in full, or if this is text that starts with *, put it in quotes",
	}},
	{"bidi-override", []string{
		"vendors/bidi-override.yaml:32:12: incidents[0].title: invisible character U+202E is not allowed in text; delete it",
	}},
	{"cited-twice", []string{
		"vendors/cited-twice.yaml:18:28: collects[0].sources[1]: source \"report-2017\" is cited twice; remove one",
	}},
	{"comments-only", []string{
		"vendors/comments-only.yaml:1:1: the file has no fields; start from 'go run ./cmd/atlas new vendor <id>'",
	}},
	{"control-character", []string{
		"vendors/control-character.yaml:3:12: control character U+0001 is not allowed in a record; delete it",
	}},
	{"control-escape", []string{
		"vendors/control-escape.yaml:32:12: incidents[0].title: invisible character U+0000 is not allowed in text; delete it",
	}},
	{"date-expected", []string{
		"vendors/date-expected.yaml:31:11: incidents[0].date: expected a date like 2026-11-22, got a list",
	}},
	{"deep-nesting", []string{
		"vendors/deep-nesting.yaml:6:27: lists and mappings are nested more than 16 deep; a record needs far less",
	}},
	{"duplicate-host", []string{
		"vendors/duplicate-host.yaml:22:11: endpoints[1].host: host \"telemetry.example.com\" is listed twice; keep one entry and cite all its sources there",
	}},
	{"duplicate-key", []string{
		"vendors/duplicate-key.yaml:45:1: summary: duplicate key \"summary\" (first at line 8); keep one",
	}},
	{"duplicate-platform", []string{
		"vendors/duplicate-platform.yaml:6:22: platforms[1]: \"android\" is listed twice; remove one",
	}},
	{"duplicate-source-id", []string{
		"vendors/duplicate-source-id.yaml:42:9: sources[1].id: source id \"report-2017\" is already used by sources[0]; give each source its own id",
	}},
	{"empty-citation", []string{
		"vendors/empty-citation.yaml:34:14: incidents[0].sources: empty: every claim cites at least one source, such as [report-2017]",
	}},
	{"empty-file", []string{
		"vendors/empty-file.yaml:1:1: the file is empty; start from 'go run ./cmd/atlas new vendor <id>'",
	}},
	{"empty-item", []string{
		"vendors/empty-item.yaml:11:28: collects[0].items[1]: empty item; remove it or write what is sent",
	}},
	{"empty-items", []string{
		"vendors/empty-items.yaml:11:12: collects[0].items: empty: fill in the concrete data items, as a list such as [serial number, IMEI]",
	}},
	{"empty-purposes", []string{
		"vendors/empty-purposes.yaml:13:15: collects[0].purposes: empty: fill in what the vendor uses the data for, as a list such as [analytics]; one of: functionality, product-improvement, analytics, security, personalization, advertising, third-party-sharing, unknown",
	}},
	{"empty-required", []string{
		"vendors/empty-required.yaml:3:9: vendor: empty: fill in the company that makes the product, such as OnePlus",
	}},
	{"entity-javascript-link", []string{
		"vendors/entity-javascript-link.yaml:24:10: controls[0].how: a link to a \"javascript:\" address: links may only go to http(s) or mailto addresses",
	}},
	{"entries-expected", []string{
		"vendors/entries-expected.yaml:19:12: endpoints: expected a list, got a single value; start each entry on its own line with \"- \"",
	}},
	{"entry-not-mapping", []string{
		"vendors/entry-not-mapping.yaml:20:5: endpoints[0]: expected a mapping of fields (host: …), got a single value",
	}},
	{"future-date", []string{
		"vendors/future-date.yaml:45:11: reviewed: 2027-01-01 is after today (2026-11-22); a record states what has already happened",
	}},
	{"host-uppercase", []string{
		"vendors/host-uppercase.yaml:20:11: endpoints[0].host: \"Telemetry.Example.com\" is not a host name; write it in lowercase, \"telemetry.example.com\"",
	}},
	{"host-with-scheme", []string{
		"vendors/host-with-scheme.yaml:20:11: endpoints[0].host: \"https://telemetry.example.com/collect\" is not a host name; write only the host, \"telemetry.example.com\"",
	}},
	{"html-comment", []string{
		"vendors/html-comment.yaml:24:10: controls[0].how: raw HTML (\"<!-- \") is not allowed in text; use Markdown instead (**bold**, [text](https://…)), or write \\< for a literal <",
	}},
	{"id-format", []string{
		"vendors/id-format.yaml:2:5: id: id \"Example_OS\" may hold only lowercase letters a-z, digits and single hyphens, such as \"example-os\"",
	}},
	{"id-mismatch", []string{
		"vendors/id-mismatch.yaml:2:5: id: id \"example-phone\" does not match the file name \"id-mismatch.yaml\"; the id is the file name without .yaml, so rename the file to example-phone.yaml or change the id",
	}},
	{"impossible-date", []string{
		"vendors/impossible-date.yaml:31:11: incidents[0].date: \"2017-02-30\" is not a real day; check the month and the day",
	}},
	{"invalid-utf8", []string{
		"vendors/invalid-utf8.yaml:8:21: the file is not valid UTF-8; save it as UTF-8 in your editor",
	}},
	{"javascript-link", []string{
		"vendors/javascript-link.yaml:33:14: incidents[0].summary: a link to a \"javascript:\" address: links may only go to http(s) or mailto addresses",
	}},
	{"lang-without-snippet", []string{
		"vendors/lang-without-snippet.yaml:25:11: controls[0].lang: lang names the language of the snippet, but there is no snippet; add the snippet or remove lang",
	}},
	{"list-expected", []string{
		"vendors/list-expected.yaml:6:12: platforms: expected a list, got a single value; write a list like [a, b], even for one value",
	}},
	{"malformed-date", []string{
		"vendors/malformed-date.yaml:45:11: reviewed: \"22.11.2026\" is not a date of the form YYYY-MM-DD, such as 2026-11-22",
	}},
	{"markdown-image", []string{
		"vendors/markdown-image.yaml:8:10: summary: images are not allowed in text: the site loads nothing from other sites; link to the page instead, [text](https://…)",
	}},
	{"merge-key", []string{
		"vendors/merge-key.yaml:20:5: YAML merge keys (<<) are not allowed in records; write the fields out in full",
	}},
	{"missing-schema-line", []string{
		"vendors/missing-schema-line.yaml:1:1: the first line must be '# yaml-language-server: $schema=schema.json', so that editors check the record while you type; add it above the rest",
	}},
	{"missing-collects", []string{
		"vendors/missing-collects.yaml:2:1: collects: missing: fill in one entry per kind of data the product sends (an empty list [] if it is known to send nothing)",
	}},
	{"missing-id", []string{
		"vendors/missing-id.yaml:2:1: id: missing: fill in the record's id: the file name without .yaml, lowercase letters, digits and hyphens, such as oneplus-oxygenos",
	}},
	{"missing-required", []string{
		"vendors/missing-required.yaml:10:5: collects[0].status: missing: fill in how sure the sources are: confirmed (shown by a test or the vendor), reported (by a credible outlet) or alleged (a claim not yet shown)",
	}},
	{"missing-reviewed", []string{
		"vendors/missing-reviewed.yaml:2:1: reviewed: missing: fill in the day someone last checked the record against its sources (YYYY-MM-DD)",
	}},
	{"no-sources", []string{
		"vendors/no-sources.yaml:18:15: collects[0].sources[0]: source \"report-2017\" is not listed under sources; add it there with its title, url, publisher and accessed date",
		"vendors/no-sources.yaml:21:15: endpoints[0].sources[0]: source \"report-2017\" is not listed under sources; add it there with its title, url, publisher and accessed date",
		"vendors/no-sources.yaml:29:15: controls[0].sources[0]: source \"report-2017\" is not listed under sources; add it there with its title, url, publisher and accessed date",
		"vendors/no-sources.yaml:34:15: incidents[0].sources[0]: source \"report-2017\" is not listed under sources; add it there with its title, url, publisher and accessed date",
		"vendors/no-sources.yaml:35:10: sources: empty: a record lists at least one source (id, title, url, publisher, accessed)",
	}},
	{"non-text-key", []string{
		"vendors/non-text-key.yaml:3:9: YAML syntax: found an invalid key for this map; a key must be a plain word such as summary",
	}},
	{"not-a-mapping", []string{
		"vendors/not-a-mapping.yaml:2:1: the file is a list, but a record is a mapping of fields (id: …, vendor: …)",
	}},
	{"raw-html", []string{
		"vendors/raw-html.yaml:8:10: summary: raw HTML (\"<b>\") is not allowed in text; use Markdown instead (**bold**, [text](https://…)), or write \\< for a literal <",
	}},
	{"raw-html-plain", []string{
		"vendors/raw-html-plain.yaml:3:9: vendor: raw HTML (\"<i>\") is not allowed here; this field is plain text: write it without angle brackets",
	}},
	{"record-field-mapping", []string{
		"vendors/record-field-mapping.yaml:4:3: vendor: expected text, got a mapping; if the text contains \": \" or starts with [ { - put it in quotes",
	}},
	{"scalar-document", []string{
		"vendors/scalar-document.yaml:2:1: the file is a single value, but a record is a mapping of fields (id: …, vendor: …)",
	}},
	{"snippet-without-lang", []string{
		"vendors/snippet-without-lang.yaml:25:14: controls[0].lang: a snippet needs a lang, one of: powershell, bash, nftables, pf, hosts, text",
	}},
	{"source-id-format", []string{
		"vendors/source-id-format.yaml:36:9: sources[0].id: source id \"Report 2017\" may hold only lowercase letters a-z, digits and single hyphens, such as \"report-2017\"",
	}},
	{"tab-indent", []string{
		"vendors/tab-indent.yaml:12:1: a tab in the indentation; YAML indents with spaces only, so replace it with spaces",
	}},
	{"tag", []string{
		"vendors/tag.yaml:3:9: YAML tags (!!binary) are not allowed in records; remove it, or quote the value if it is text",
	}},
	{"text-expected", []string{
		"vendors/text-expected.yaml:3:9: vendor: expected text, got a list; if the text contains \": \" or starts with [ { - put it in quotes",
	}},
	{"translation-english", []string{
		"vendors/translation-english.yaml:43:3: translations.en: English is the record itself, not a translation; put English text in the fields above and translate into: ru",
	}},
	{"translation-items-too-long", []string{
		"vendors/translation-items-too-long.yaml:46:16: translations.ru.collects[0].items: 2 entries, but collects[0].items has 1; a translation follows its list entry by entry, in the same order",
	}},
	{"translation-language", []string{
		"vendors/translation-language.yaml:43:3: translations.de: unknown translation language \"de\"; allowed: ru",
	}},
	{"translation-too-long", []string{
		"vendors/translation-too-long.yaml:46:7: translations.ru.collects: 2 entries, but collects has 1; a translation follows its list entry by entry, in the same order",
	}},
	{"two-documents", []string{
		"vendors/two-documents.yaml:47:1: a second YAML document; a record file holds one record, so remove the '---' line and what follows",
	}},
	{"uncited-claim", []string{
		"vendors/uncited-claim.yaml:20:5: endpoints[0].sources: missing: every claim cites at least one source, such as [report-2017]",
	}},
	{"uncited-source", []string{
		"vendors/uncited-source.yaml:42:9: sources[1].id: source \"unused-2018\" is not cited by any entry; cite it in the sources of the claims it backs, or remove it",
	}},
	{"unknown-category", []string{
		"vendors/unknown-category.yaml:10:15: collects[0].category: unknown category \"identifers\" (did you mean \"device-identifiers\"?)",
	}},
	{"unknown-control-kind", []string{
		"vendors/unknown-control-kind.yaml:23:11: controls[0].kind: unknown control kind \"hostsfile\"; allowed: setting, firewall, hosts, uninstall, stop-using",
	}},
	{"unknown-default", []string{
		"vendors/unknown-default.yaml:14:14: collects[0].default: unknown default \"yes\"; allowed: on, off, asked, unknown",
	}},
	{"unknown-disclosed", []string{
		"vendors/unknown-disclosed.yaml:16:16: collects[0].disclosed: unknown disclosed value \"hidden\"; allowed: documented, undisclosed, unknown",
	}},
	{"unknown-field-typo", []string{
		"vendors/unknown-field-typo.yaml:15:5: collects[0].offswitch: unknown field \"offswitch\" (did you mean \"off_switch\"?); allowed: category, items, linked, purposes, default, off_switch, disclosed, status, note, sources",
	}},
	{"unknown-field", []string{
		"vendors/unknown-field.yaml:45:1: website: unknown field \"website\"; allowed: id, vendor, product, kind, platforms, versions, summary, collects, endpoints, controls, incidents, sources, translations, reviewed",
	}},
	{"unknown-kind", []string{
		"vendors/unknown-kind.yaml:5:7: kind: unknown kind \"operating-system\"; allowed: browser, os, device, app, service",
	}},
	{"unknown-linked", []string{
		"vendors/unknown-linked.yaml:12:13: collects[0].linked: unknown link level \"identifed\" (did you mean \"identified\"?); allowed: identified, pseudonymous, rotating, anonymous, unknown",
	}},
	{"unknown-off-switch", []string{
		"vendors/unknown-off-switch.yaml:15:17: collects[0].off_switch: unknown off_switch value \"broken\"; allowed: works, partial, ignored, none, unknown",
	}},
	{"unknown-platform", []string{
		"vendors/unknown-platform.yaml:6:13: platforms[0]: unknown platform \"andriod\" (did you mean \"android\"?); allowed: windows, macos, linux, android, ios, chromeos, web, tv, smart-speaker",
	}},
	{"unknown-purpose", []string{
		"vendors/unknown-purpose.yaml:13:16: collects[0].purposes[0]: unknown purpose \"analytic\" (did you mean \"analytics\"?); allowed: functionality, product-improvement, analytics, security, personalization, advertising, third-party-sharing, unknown",
	}},
	{"unknown-snippet-lang", []string{
		"vendors/unknown-snippet-lang.yaml:27:11: controls[0].lang: unknown snippet language \"sh\" (did you mean \"bash\"?); allowed: powershell, bash, nftables, pf, hosts, text",
	}},
	{"unknown-source", []string{
		"vendors/unknown-source.yaml:18:15: collects[0].sources[0]: source \"report-2071\" is not listed under sources (did you mean \"report-2017\"?); add it there with its title, url, publisher and accessed date",
	}},
	{"unknown-status", []string{
		"vendors/unknown-status.yaml:17:13: collects[0].status: unknown status \"rumour\"; allowed: confirmed, reported, alleged",
	}},
	{"unknown-stops", []string{
		"vendors/unknown-stops.yaml:28:12: controls[0].stops: unknown stops value \"yes\"; allowed: works, partial, ignored, unknown",
	}},
	{"url-javascript", []string{
		"vendors/url-javascript.yaml:38:10: sources[0].url: \"javascript:alert(1)\" is not an http(s) address; give the https:// address of the document",
	}},
	{"url-no-host", []string{
		"vendors/url-no-host.yaml:38:10: sources[0].url: \"https:///report\" has no plain host name; give an address like https://example.com/page",
	}},
	{"url-no-scheme", []string{
		"vendors/url-no-scheme.yaml:38:10: sources[0].url: \"example.com/report\" is not an http(s) address; give the https:// address of the document",
	}},
	{"url-spaces", []string{
		"vendors/url-spaces.yaml:38:10: sources[0].url: \"https://example.com/a report\" is not a web address; copy the address from the browser's address bar",
	}},
	{"yaml-bad-indent", []string{
		"vendors/yaml-bad-indent.yaml:10:15: YAML syntax: mapping value is not allowed in this context; check the indentation here and on the next lines, and put a value that contains \": \" in quotes",
	}},
	{"yaml-block-header-text", []string{
		"vendors/yaml-block-header-text.yaml:8:10: YAML syntax: invalid header option: \" Example OS sends its serial number to the vendor's analytics server.\"; after | or > start the text on the next line, indented",
	}},
	{"yaml-emphasis-start", []string{
		"vendors/yaml-emphasis-start.yaml:8:10: YAML aliases (*name) are not allowed in records; write the value out in full, or if this is text that starts with *, put it in quotes",
	}},
	{"yaml-no-space-after-colon", []string{
		"vendors/yaml-no-space-after-colon.yaml:3:1: YAML syntax: non-map value is specified; write a space after the colon (key: value)",
	}},
	{"yaml-reserved-char", []string{
		"vendors/yaml-reserved-char.yaml:8:10: YAML syntax: '@' is a reserved character; put text that starts with this character in quotes",
	}},
	{"yaml-colon-in-text", []string{
		"vendors/yaml-colon-in-text.yaml:24:10: YAML syntax: mapping value is not allowed in this context; check the indentation here and on the next lines, and put a value that contains \": \" in quotes",
	}},
	{"yaml-unclosed-bracket", []string{
		"vendors/yaml-unclosed-bracket.yaml:7:1: YAML syntax: ',' or ']' must be specified; close the quote or bracket that was opened",
	}},
	{"yaml-unclosed-quote", []string{
		"vendors/yaml-unclosed-quote.yaml:7:11: YAML syntax: could not find end character of double-quoted text; close the quote or bracket that was opened",
	}},
}

func TestBadRecords(t *testing.T) {
	tx := mustTaxonomy(t)
	listed := map[string]bool{}
	for _, tc := range badRecords {
		listed[tc.name] = true
		t.Run(tc.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "bad", tc.name+".yaml"))
			if err != nil {
				t.Fatal(err)
			}
			rec, probs := Decode("vendors/"+tc.name+".yaml", data, tx, testToday)
			if rec != nil {
				t.Errorf("a record was returned along with problems")
			}
			got := make([]string, len(probs))
			for i, p := range probs {
				got[i] = p.String()
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
	files, err := filepath.Glob(filepath.Join("testdata", "bad", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	for _, f := range files {
		if name := strings.TrimSuffix(filepath.Base(f), ".yaml"); !listed[name] {
			t.Errorf("%s has no expected problems in badRecords", f)
		}
	}
	if len(badRecords) < 40 {
		t.Errorf("the corpus has %d bad records; keep at least 40", len(badRecords))
	}
}
