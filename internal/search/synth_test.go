package search

import (
	"compress/gzip"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// synthHead is the frequent end of the synthetic vocabulary: function words
// first (as in real text, most are stop words), then the atlas's own words.
var synthHead = strings.Fields(`the of and to a in is it that for on with as by this be are or from at an
not can your which data device its has have was when more all about their one they if also sends send sent
settings turn off default user users app apps phone phones browser system operating telemetry privacy
collects collected collection collecting identifier identifiers account location network server servers
vendor report reports reported usage diagnostic diagnostics crash history advertising analytics id
firewall hosts block blocking blocked rule rules update updates version versions installed install
policy notice consent option options switch permission permissions tracking tracker trackers cookie
cookies search address addresses request requests service services cloud backup sync synced contacts
messages camera microphone sensor sensors battery storage screen keyboard voice assistant recordings
windows android ios macos linux chrome firefox edge safari brave samsung google apple microsoft amazon
hardware software firmware manufacturer model build region language time zone timestamp event events
linked person people anonymous pseudonymous identified rotating unknown documented undisclosed confirmed
serial number numbers imei mac wifi bluetooth cellular carrier sim ip domain endpoint endpoints traffic
encrypted encryption https certificate dns resolver router computer laptop laptops tv television smart
course chapter section lesson protect protecting protection yourself spying spy cyber difference`)

var synthSyllables = strings.Fields(`ka lo mi ne ru sa ti vo be da fe gi ho ju ke la me no pi ro su ta ve wi
ya zu bra cre dri fla glo pre sto tra plo kri sna zel mor tan vel rin dus pol gar fen lim`)

// synthVocab returns a vocabulary of about n words, most frequent first.
func synthVocab(n int, r *rand.Rand) []string {
	vocab := slices.Clone(synthHead)
	seen := map[string]bool{}
	for _, w := range vocab {
		seen[w] = true
	}
	for len(vocab) < n {
		var b strings.Builder
		for range 2 + r.IntN(3) {
			b.WriteString(synthSyllables[r.IntN(len(synthSyllables))])
		}
		w := b.String()
		switch r.IntN(6) {
		case 0:
			w += "s"
		case 1:
			w += "ing"
		case 2:
			w += "ed"
		}
		if !seen[w] {
			seen[w] = true
			vocab = append(vocab, w)
		}
	}
	return vocab
}

// synthDocs generates n documents with a Zipf word distribution, in the
// proportions of the real site: mostly chapter sections, then vendor
// records, categories and pages. The same n and seed give the same docs.
func synthDocs(n int, seed uint64) []Doc {
	r := rand.New(rand.NewPCG(seed, 42))
	vocab := synthVocab(20000, r)
	zipf := rand.NewZipf(r, 1.07, 2, uint64(len(vocab)-1))
	text := func(words int) string {
		var b strings.Builder
		for i := range words {
			if i > 0 {
				if i%13 == 0 {
					b.WriteString(". ")
				} else {
					b.WriteByte(' ')
				}
			}
			b.WriteString(vocab[zipf.Uint64()])
		}
		return b.String()
	}
	kinds := []string{"browser", "operating-system", "phone", "laptop", "app", "smart-tv"}
	platforms := []string{"windows", "macos", "linux", "android", "ios"}
	categories := []string{"device-identifiers", "browsing-history", "usage-statistics", "location", "contacts", "crash-reports"}
	docs := make([]Doc, n)
	for i := range docs {
		d := Doc{Title: text(2 + r.IntN(5)), Headings: text(3 + r.IntN(5)), Body: text(120 + r.IntN(280))}
		switch k := r.IntN(20); {
		case k < 13:
			d.Type, d.URL, d.Where = "chapter", fmt.Sprintf("/course/c%d/#s%d", i/8, i%8), "Course › "+d.Headings
		case k < 18:
			d.Type, d.URL, d.Where = "vendor", fmt.Sprintf("/vendors/v%d/", i), "Vendor · Browser"
			d.Facets = map[string][]string{
				"kind":     {kinds[r.IntN(len(kinds))]},
				"platform": {platforms[r.IntN(len(platforms))], platforms[r.IntN(len(platforms))]},
				"category": {categories[r.IntN(len(categories))]},
			}
		case k < 19:
			d.Type, d.URL, d.Where = "category", fmt.Sprintf("/categories/k%d/", i), "Category"
		default:
			d.Type, d.URL, d.Where = "page", fmt.Sprintf("/p%d/", i), "Page"
		}
		if i%97 == 0 {
			d.Body += " The report carried the serial number of the phone."
		}
		docs[i] = d
	}
	return docs
}

func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		docs := synthDocs(n, 1)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var total int
			for b.Loop() {
				files, _, err := Build(docs, Options{Lang: "en"})
				if err != nil {
					b.Fatal(err)
				}
				total = 0
				for _, f := range files {
					total += len(f)
				}
			}
			b.ReportMetric(float64(total), "index-bytes")
		})
	}
}

// firstQueryBudget is the most a first query may download: the client, the
// manifest, the shards of the query and the fragments of the first ten
// results, each gzipped as a web server sends it.
const firstQueryBudget = 100 << 10

// TestFirstQueryBytes measures what a reader downloads for a first query on
// a synthetic site of 10,000 documents, the way search.js fetches it, and
// fails over the budget. Run it with -v to see the figures:
//
//	go test ./internal/search -run FirstQueryBytes -v
func TestFirstQueryBytes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 10,000-document index")
	}
	docs := synthDocs(10000, 1)
	files, url, err := Build(docs, Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	client := minifyJS(t, readClient(t))
	clientGz := gzipSize(t, client, gzip.BestCompression)
	var total int
	for _, f := range files {
		total += len(f)
	}
	t.Logf("index: %d files, %d bytes; client %d bytes minified, %d gzipped", len(files), total, len(client), clientGz)
	t.Logf("%-28s %6s %8s %8s %8s %8s %9s", "query", "files", "manifest", "shards", "snippets", "total", "total-raw")
	queries := []string{"serial number", "serial number ", "telemetry", "firewall rule", "privacy settings turn off",
		"xiao", "se", "blocking trackers ", "kalomi"}
	for _, q := range queries {
		ix, err := Open(files, url)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := ix.Search(q, nil, 10); err != nil {
			t.Fatal(err)
		}
		var man, sh, frag, raw int
		for _, p := range ix.Fetched() {
			gz := gzipSize(t, files[p], gzip.DefaultCompression)
			raw += len(files[p])
			switch {
			case strings.Contains(p, "/manifest."):
				man += gz
			case strings.Contains(p, "/t/"):
				sh += gz
			default:
				frag += gz
			}
		}
		sum := clientGz + man + sh + frag
		t.Logf("%-28q %6d %8d %8d %8d %8d %9d", q, len(ix.Fetched())+1, man, sh, frag, sum, raw+len(client))
		if sum > firstQueryBudget {
			t.Errorf("query %q downloads %d bytes gzipped, over the budget of %d", q, sum, firstQueryBudget)
		}
	}
	// Typed a letter at a time, slower than the client's debounce: every
	// prefix is a query, and the header shows 8 results for each.
	for _, q := range []string{"serial number", "telemetry"} {
		ix, err := Open(files, url)
		if err != nil {
			t.Fatal(err)
		}
		for i := range q {
			if _, _, err := ix.Search(q[:i+1], nil, 8); err != nil {
				t.Fatal(err)
			}
		}
		sum := clientGz
		for _, p := range ix.Fetched() {
			sum += gzipSize(t, files[p], gzip.DefaultCompression)
		}
		t.Logf("typed %-18q %6d files %8d bytes gzipped in all", q, len(ix.Fetched())+1, sum)
	}
}
