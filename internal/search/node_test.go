package search

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// nodeHarness runs the client's query code (not its DOM code) in Node: the
// client's source with one line added before its end that hands the inner
// functions to the harness, a fetch that reads the built files, and a
// document that has no search form.
const nodeHarness = `
const fs = require('fs'), path = require('path');
const [root, clientFile, casesFile] = process.argv.slice(2);
globalThis.fetch = async (u) => {
  const p = path.join(root, u);
  if (!fs.existsSync(p)) return { ok: false, json: async () => null };
  return { ok: true, json: async () => JSON.parse(fs.readFileSync(p, 'utf8')) };
};
// Just enough DOM for snip: elements and fragments that keep their children.
const node = (tag) => ({
  tag, kids: [], className: '',
  append(...xs) { this.kids.push(...xs); },
  set textContent(v) { this.kids = [String(v)]; },
  get textContent() { return this.kids.map((k) => (typeof k == 'string' ? k : k.textContent)).join(''); },
});
globalThis.document = { querySelectorAll: () => [], addEventListener() {}, createElement: node, createDocumentFragment: () => node('#') };
let src = fs.readFileSync(clientFile, 'utf8');
const end = src.lastIndexOf('})();');
src = src.slice(0, end) + 'globalThis.__search = { open, run, toks, doc, snip };\n' + src.slice(end);
(0, eval)(src);
const { open, run, toks, doc, snip } = globalThis.__search;
(async () => {
  const out = [];
  for (const c of JSON.parse(fs.readFileSync(casesFile, 'utf8'))) {
    const m = await open(c.manifest);
    const r = await run(m, c.query, c.filters || {});
    const res = { ids: r.ids, toks: toks(c.query), marks: [...r.marks].sort() };
    if (r.ids.length) {
      const d = await doc(m, r.ids[0]), f = snip(d[4], r.marks, 24);
      res.first = d[0];
      res.snippet = f.textContent;
      res.marked = f.kids.filter((k) => typeof k != 'string' && k.tag == 'mark').map((k) => k.textContent);
    }
    out.push(res);
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
`

type nodeCase struct {
	Manifest string              `json:"manifest"`
	Query    string              `json:"query"`
	Filters  map[string][]string `json:"filters,omitempty"`
}

type nodeResult struct {
	IDs   []int    `json:"ids"`
	Toks  []string `json:"toks"`
	Marks []string `json:"marks"`
	// The first result's URL and snippet, and the words marked in it.
	First   string   `json:"first"`
	Snippet string   `json:"snippet"`
	Marked  []string `json:"marked"`
}

// TestClientMatchesGo runs the same queries through search.js (in Node) and
// through the Go reader and wants the same documents in the same order. It
// is skipped where Node is not installed.
func TestClientMatchesGo(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	root := t.TempDir()
	type index struct {
		files map[string][]byte
		url   string
	}
	var indexes []index
	for _, in := range []struct {
		docs []Doc
		opt  Options
	}{
		{append(fixtureEN(), synthDocs(800, 5)...), Options{Lang: "en", ShardBytes: 2048}},
		{fixtureRU(), Options{Lang: "ru"}},
	} {
		files, url, err := Build(in.docs, in.opt)
		if err != nil {
			t.Fatal(err)
		}
		for p, data := range files {
			full := filepath.Join(root, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(full, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		indexes = append(indexes, index{files, url})
	}
	en, ru := indexes[0].url, indexes[1].url
	cases := []nodeCase{
		{Manifest: en, Query: "serial number"},
		{Manifest: en, Query: "serial number "},
		{Manifest: en, Query: "Does my phone send my serial number?"},
		{Manifest: en, Query: "xiao"},
		{Manifest: en, Query: "fire"},
		{Manifest: en, Query: "firewall rules "},
		{Manifest: en, Query: "blockings "},
		{Manifest: en, Query: "privacy settings turn off"},
		{Manifest: en, Query: "tracking kalo"},
		{Manifest: en, Query: "s"},
		{Manifest: en, Query: "constructor __proto__ "},
		{Manifest: en, Query: "serial number", Filters: map[string][]string{"type": {"vendor", "category"}}},
		{Manifest: en, Query: "telemetry", Filters: map[string][]string{"kind": {"browser"}, "platform": {"linux", "ios"}}},
		{Manifest: en, Query: "telemetry", Filters: map[string][]string{"kind": {"nothing"}}},
		{Manifest: ru, Query: "телеметрия"},
		{Manifest: ru, Query: "как отключить ТЕЛЕМЕТРИЮ"},
		{Manifest: ru, Query: "серии\u0306ныи\u0306 номер oneplus"},
		{Manifest: ru, Query: "имён "},
	}
	casesFile := filepath.Join(root, "cases.json")
	data, err := json.Marshal(cases)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(casesFile, data, 0o644); err != nil {
		t.Fatal(err)
	}
	harness := filepath.Join(root, "harness.js")
	if err := os.WriteFile(harness, []byte(nodeHarness), 0o644); err != nil {
		t.Fatal(err)
	}
	client, err := filepath.Abs(clientPath)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, harness, root, client, casesFile)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var results []nodeResult
	if err := json.Unmarshal(out, &results); err != nil {
		t.Fatalf("node output: %v\n%s", err, out)
	}
	if len(results) != len(cases) {
		t.Fatalf("node answered %d cases of %d", len(results), len(cases))
	}
	nonEmpty := 0
	for i, c := range cases {
		files := indexes[0].files
		if c.Manifest == ru {
			files = indexes[1].files
		}
		ix, err := Open(files, c.Manifest)
		if err != nil {
			t.Fatal(err)
		}
		hits, err := ix.rank(c.Query, c.Filters)
		if err != nil {
			t.Fatal(err)
		}
		ws, _ := queryWords(c.Query)
		if got := results[i].Toks; !slices.Equal(got, ws) {
			t.Errorf("%q: client words %q, Go words %q", c.Query, got, ws)
		}
		var ids []int
		for _, h := range hits {
			ids = append(ids, h.ID)
		}
		if !slices.Equal(ids, results[i].IDs) {
			t.Errorf("%q %v: client ranks %d %v, Go ranks %d %v", c.Query, c.Filters,
				len(results[i].IDs), head(results[i].IDs), len(ids), head(ids))
		}
		n := len(ids)
		if n > 0 {
			checkSnippet(t, c.Query, results[i], hits[0], ix)
		}
		if n > 0 {
			nonEmpty++
		}
	}
	if nonEmpty < len(cases)/2 {
		t.Errorf("only %d of %d queries found anything: the comparison says little", nonEmpty, len(cases))
	}
}

func head(ids []int) []int { return ids[:min(len(ids), 12)] }

// checkSnippet wants the client's snippet of the first result to be a run of
// its text with the marked words among the words the query matched, and at
// least one marked word when the body has one.
func checkSnippet(t *testing.T, query string, r nodeResult, first Hit, ix *Index) {
	t.Helper()
	if err := ix.describe(&first); err != nil {
		t.Fatal(err)
	}
	if r.First != first.URL {
		t.Errorf("%q: client's first result %s, Go's %s", query, r.First, first.URL)
	}
	g := first.ID / ix.m.DocGroup
	var frag [][5]string
	if err := json.Unmarshal(ix.files[ix.base+fragPath(g, ix.m.DocHash)], &frag); err != nil {
		t.Fatal(err)
	}
	body := frag[first.ID-g*ix.m.DocGroup][4]
	inner := strings.TrimSuffix(strings.TrimPrefix(r.Snippet, "… "), " …")
	if !strings.Contains(body, inner) {
		t.Errorf("%q: snippet %q is not a run of the body", query, r.Snippet)
	}
	if n := len(tokens(inner)); n > 24 || n == 0 && body != "" {
		t.Errorf("%q: snippet of %d words", query, n)
	}
	bodyHas := false
	for _, w := range tokens(body) {
		if slices.Contains(r.Marks, w) {
			bodyHas = true
		}
	}
	if bodyHas && len(r.Marked) == 0 {
		t.Errorf("%q: snippet %q marks nothing though the body has a matched word", query, r.Snippet)
	}
	for _, m := range r.Marked {
		if ws := tokens(m); len(ws) != 1 || !slices.Contains(r.Marks, ws[0]) {
			t.Errorf("%q: snippet marks %q, not a matched word (%q)", query, m, r.Marks)
		}
	}
}
