// Package search builds the site's search index, one per language, and reads
// it back the way the browser client (static/js/search.js) does.
//
// # Building
//
// The site renderer turns every chapter section, vendor record, category page
// and page into a [Doc] and calls [Build] once per language. Build returns the
// files to write under the site root and the URL of the manifest, which the
// page markup names in data-search-index. The files depend only on the set of
// documents, never on their order or on map order.
//
// For the preview server, [BuildLive] builds the same files and keeps what
// made them, so that [Live.Update] can put an edited document in place and
// rewrite only the files it touches: the shards of the stems whose postings
// changed, the document's fragment, the facet values it left or joined,
// and the manifest (under its built name, which the pages carry). The mean
// field lengths stay the built ones until the next whole build.
//
// # Text
//
// A word is a run of letters, numbers and combining marks; everything else
// separates words. Words are lowercased, ё is folded to е, combining marks are
// dropped (after NFC, so й stays й). Each word is stemmed by its script, not by
// the page language: Cyrillic words with the Snowball Russian stemmer and
// Russian stop words, Latin words with Snowball English (Porter2) and English
// stop words, other words (numbers) as they are.
//
// # Ranking
//
// Every (stem, document) posting carries a precomputed BM25F score: fields
// title, headings and body weighted 4, 2, 1, each length-normalised (b 0.75),
// k1 1.2, idf from the stem's document frequency, quantised to an integer
// (score × 10). A query word matches, by weight:
//
//   - 1.0 the stem of the word itself, when the word is an indexed word; a
//     document that has the stem but not this exact word scores × 0.8
//     (postings carry a bitmask of the word forms each document contains);
//   - 0.8 otherwise the longest indexed stem that the word begins with, or
//     whose all but last letter it begins with ("blockings" → block,
//     «отключить» → отключа), leaving at most 4 letters unmatched;
//   - 0.6 for the last word while it is typed (no space after it): up to 8
//     indexed words it is a prefix of, most frequent first ("xiao" → xiaomi).
//
// A document's score for a word is its best match; its total is the sum over
// the query words times (matched words / query words that match anything)²,
// so documents with every word come first. Ties go to the lower document id
// (URL order). The client needs no stemmer: the shard tables map surface
// words to stems.
//
// # Files
//
// All under search/<lang>/, JSON, names fingerprinted:
//
//	manifest.<hash>.json   {"v":1,"lang","n":docs,"avg":[title,headings,body mean words],
//	                        "fw":[4,2,1],"k1","b","scale":10,
//	                        "s":{shard key: hash}, "dg":docs per fragment file,
//	                        "dh":hash of all fragment files, "f":{facet:{value: hash}}}
//	t/<key>.<hash>.json    {"s":[[stem, variants, postings]...], "w":{word:[stem index, variant bit]}}
//	d/<n>.<dh>.json        [[url, title, where, type, body]...] for documents n×dg…
//	f/<facet>-<value>.<hash>.json  base64 bitset of the documents with that value
//
// Postings are flat integers: document id delta, score and, when the stem has
// more than one word form, the mask of the forms present. A word lives in the
// shard whose key is its longest prefix among the shard keys: shards start at
// ShardPrefixLen characters and are split one character deeper while they are
// larger than ShardBytes and splitting makes them smaller. A finished query
// word reads exactly its own shard; the word being typed also reads the
// shards whose keys extend it, unless there are more than 4. In file names,
// characters other than a-z and 0-9 are written _<hex code point>. Document
// ids are positions in URL order. Snippet bodies are cut to 3,000 bytes.
//
// # Budgets
//
// Figures of 2026-11-22 on the shared 2-core build machine; the first two are
// tests that fail over budget:
//
//   - search.js: 3.7 KB minified (tdewolff/minify) and gzipped -9, budget 6 KB.
//   - First query on 10,000 synthetic documents (synthDocs: Zipf-distributed
//     words, 120–400 per body), gzipped per file as a server sends them:
//     client + manifest (13.5 KB) + the query's shards + the fragments of the
//     first 10 results = 54–56 KB ("serial number" 56 KB; 133 KB raw); the
//     same query typed a letter at a time, each prefix a query showing 8
//     results, 101 KB in all. Budget 100 KB for one query (Pagefind: under
//     300 KB). Fragment files hold about 8 KB: 4 KB files made the first
//     query 40 KB but twice as many files, and on the build machine every
//     file written costs a quarter of a millisecond of kernel time or more.
//   - On the real site (75 English documents) a first query reads 10–21 KB.
//   - Build: BenchmarkIndex, 10,000 chapters by section: 2.9–3.3 s and
//     328 MB allocated (6.0–6.6 s and 1.8 GB before the tokenizer reused its
//     buffers); the whole build's figures are in docs/performance.md.
//
// The commands:
//
//	go test ./internal/search -run 'TestClientSize|TestFirstQueryBytes' -v
//	go test ./internal/search -run XXX -bench Build -benchtime 5x
//
// Queries run in the Go reader and in search.js (under Node, when installed)
// give the same documents in the same order: TestClientMatchesGo.
//
// # Page markup
//
// search.js is loaded with <script src defer> and sets up every
// form[data-search-index]. It needs no inline script or style: it only adds
// elements, classes, ARIA attributes and the hidden attribute.
//
//	<form class="search" role="search" action="/search/" method="get"
//	      data-search-index="/search/en/manifest.<hash>.json" data-search-lang="en">
//	  <label class="visually-hidden" for="search-q">Search the atlas</label>
//	  <input id="search-q" type="text" name="q" autocomplete="off" spellcheck="false"
//	         role="combobox" aria-expanded="false" aria-controls="search-results" aria-autocomplete="list">
//	  <button type="submit">Search</button>
//	  <div class="search-results" id="search-results" role="listbox" aria-label="Search results" hidden></div>
//	  <p class="search-status visually-hidden" role="status" aria-live="polite"></p>
//	</form>
//
// What the client expects and does:
//
//   - data-search-index: the manifest URL from Build; shard, fragment and facet
//     URLs are resolved against its directory. data-search-lang: "en" or "ru",
//     the language of the client's own few words (result counts with Russian
//     plurals, "No results", "All results", "More results").
//   - input[name=q] is required. The listbox is the element the input's
//     aria-controls names, else the form's .search-results, else one the client
//     creates; the status is the form's .search-status, else created. The
//     client sets the combobox attributes itself if they are missing.
//   - The header form shows results in a popup (.search-results, toggled with
//     hidden) of 8 results plus an "All results" option that links to
//     action?q=…; when nothing is found, the status (class search-none,
//     visually-hidden lifted) stands where the popup would be. Enter without
//     a selected option submits the form normally,
//     so /search/?q=… works as a link and without JavaScript.
//   - The /search/ page form adds the attribute data-search-page: results
//     stay in the page, 10 at a time with a "More results" button the client
//     inserts after the listbox (button.search-more); the query and the
//     filters are read from and written back to the URL (?q=…&type=…), and a
//     submit runs the search without reloading. Filters are form controls
//     named type, kind, platform and category (select with "" for any, or
//     checkboxes); values are OR-ed within a name and AND-ed across names;
//     type takes chapter, vendor, category, page. Say in a <noscript> that
//     search needs JavaScript and link to the course and the tables.
//   - Each result is <a class="search-option" role="option" id="<listbox
//     id>-<n>" aria-selected href tabindex="-1"> holding span.search-title,
//     span.search-where and span.search-snippet, with matched words in <mark>;
//     the header's last option may be a.search-option.search-all. All text is
//     set with textContent; hrefs must be site paths ("/…").
//   - Keys: "/" anywhere outside a field focuses the search box (the page's
//     on /search/); ArrowDown/ArrowUp move through the options
//     (aria-activedescendant), Enter opens the selected one, Escape closes
//     the popup, a second Escape clears the box.
//   - The index is fetched on first focus or input, never on page load, and
//     only from the site's own origin (CSP connect-src 'self' suffices).
//   - static/css/search.css styles all of this with the custom properties
//     --bg, --fg, --muted, --accent, --border, --mark-bg (and --surface if
//     defined), and relies on site.css for .visually-hidden.
package search
