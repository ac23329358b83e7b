// Package corpus writes synthetic source trees for benchmarks: N chapters of
// about 8 KB of Markdown each (headings, a table, code blocks, links between
// chapters and to records), half in English and half their Russian
// translations, and M varied vendor records that pass the strict checker.
// The same chapters can also be written as a Hugo site, so that atlas and
// Hugo with Pagefind are timed on the same text.
//
// Everything is a function of the options: the same options give the same
// bytes, whatever the order files are written in.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Options say how big a corpus to make.
type Options struct {
	Chapters int // chapter files in all; about half English, the rest their Russian translations
	Records  int // vendor records
}

// Keys returns the number of English chapters: every chapter has a key, and
// the Russian files translate the first Chapters/2 of them.
func (o Options) Keys() int { return (o.Chapters + 1) / 2 }

// Translated returns the number of Russian chapter files.
func (o Options) Translated() int { return o.Chapters / 2 }

// ChapterKey is the key of chapter i (0-based).
func ChapterKey(i int) string { return fmt.Sprintf("chapter-%05d", i+1) }

// ChapterFile is the slash-separated path of chapter i in lang, relative to
// the corpus root.
func ChapterFile(i int, lang string) string {
	return fmt.Sprintf("content/%s/course/%05d-%s.md", lang, i+1, ChapterKey(i))
}

// RecordID is the id of record i (0-based).
func RecordID(i int) string { return fmt.Sprintf("synth-%05d", i+1) }

// Today is the day the records are checked against: every date in them is
// before it.
const Today = "2026-11-01"

// File is one generated file: a slash-separated path relative to the
// corpus root, and its bytes.
type File struct {
	Name string
	Data []byte
}

// Each calls emit for every file of the atlas source tree except templates/
// and static/ (which the caller copies from the repository): content/site.yaml,
// the about page, the chapters and the records. With hugo set, it also emits
// the Hugo site of the same chapters under hugo/.
func Each(o Options, hugo bool, emit func(File) error) error {
	fixed := []File{
		{"content/site.yaml", []byte("title: {en: Synthetic Atlas, ru: Синтетический атлас}\nbase_url: https://atlas.test/\nrepository: https://example.org/repo\nbranch: main\n")},
		{"content/en/pages/about.md", []byte("---\ntitle: About\nkey: about\nsummary: About the synthetic atlas.\nupdated: 2026-11-01\n---\n\nA corpus for benchmarks.\n")},
		{"content/ru/pages/about.md", []byte("---\ntitle: О проекте\nkey: about\nsummary: О синтетическом атласе.\nupdated: 2026-11-01\n---\n\nКорпус для замеров.\n")},
	}
	if hugo {
		fixed = append(fixed, hugoFiles()...)
	}
	for _, f := range fixed {
		if err := emit(f); err != nil {
			return err
		}
	}
	for i := 0; i < o.Keys(); i++ {
		for _, lang := range []string{"en", "ru"} {
			if lang == "ru" && i >= o.Translated() {
				continue
			}
			fm, body := Chapter(o, i, lang)
			name := ChapterFile(i, lang)
			if err := emit(File{name, []byte(atlasFrontMatter(fm) + body)}); err != nil {
				return err
			}
			if hugo {
				name := fmt.Sprintf("hugo/content/%s/course/%s.md", lang, ChapterKey(i))
				if err := emit(File{name, []byte(hugoFrontMatter(fm) + body)}); err != nil {
					return err
				}
			}
		}
	}
	for i := 0; i < o.Records; i++ {
		if err := emit(File{"vendors/" + RecordID(i) + ".yaml", []byte(Record(o, i))}); err != nil {
			return err
		}
	}
	return nil
}

// FrontMatter is what a chapter says about itself.
type FrontMatter struct {
	Title, Key, Summary, Updated string
	Order                        int
}

func atlasFrontMatter(fm FrontMatter) string {
	return fmt.Sprintf("---\ntitle: %q\nkey: %s\norder: %d\nsummary: %q\nupdated: %s\n---\n\n", fm.Title, fm.Key, fm.Order, fm.Summary, fm.Updated)
}

func hugoFrontMatter(fm FrontMatter) string {
	return fmt.Sprintf("---\ntitle: %q\nweight: %d\nsummary: %q\ndate: %s\n---\n\n", fm.Title, fm.Order, fm.Summary, fm.Updated)
}

// words are the vocabulary of each language's prose.
var words = map[string][]string{
	"en": strings.Fields(`telemetry device identifier serial number advertising analytics vendor phone laptop browser
		operating system account email location network address carrier settings firewall hosts file switch default
		consent privacy notice crash report diagnostic usage statistics server endpoint request record person profile
		pseudonymous anonymous rotating identified purpose product improvement security update install application
		keyboard contacts history search query category reader course chapter table data collection policy research
		measurement traffic packet domain block rule cookie fingerprint sensor battery restart screen session`),
	"ru": strings.Fields(`телеметрия устройство идентификатор серийный номер реклама аналитика производитель телефон
		ноутбук браузер операционная система учётная запись почта местоположение сеть адрес оператор настройки
		брандмауэр файл переключатель согласие конфиденциальность отчёт сбой диагностика статистика сервер запрос
		человек профиль псевдоним анонимный идентифицированный цель улучшение безопасность обновление приложение
		клавиатура контакты история поиск категория читатель курс глава таблица данные сбор политика исследование
		измерение трафик пакет домен правило отпечаток датчик батарея перезагрузка экран сеанс`),
}

var headings = map[string][]string{
	"en": {"What is sent", "Who receives it", "Is it tied to you", "How to turn it off", "What the research found", "Blocking at the network", "Reading the notice", "Summary"},
	"ru": {"Что отправляется", "Кто получает данные", "Связаны ли данные с вами", "Как это выключить", "Что нашли исследователи", "Блокировка в сети", "Читаем уведомление", "Итог"},
}

// rng returns a generator fixed by the parts, so each file is independent
// of the others and of the order they are made in.
func rng(parts ...uint64) *rand.Rand {
	var a, b uint64 = 0x9e3779b97f4a7c15, 0xbf58476d1ce4e5b9
	for _, p := range parts {
		a = a*31 + p
		b ^= p + 0x94d049bb133111eb + (b << 6) + (b >> 2)
	}
	return rand.New(rand.NewPCG(a, b))
}

func sentence(r *rand.Rand, lang string) string {
	w := words[lang]
	n := 8 + r.IntN(10)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = w[r.IntN(len(w))]
	}
	return upperFirst(strings.Join(parts, " ")) + "."
}

func upperFirst(s string) string {
	for i := range s {
		if i > 0 {
			return strings.ToUpper(s[:i]) + s[i:]
		}
	}
	return strings.ToUpper(s)
}

func paragraph(r *rand.Rand, lang string) string {
	n := 3 + r.IntN(3)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = upperFirst(sentence(r, lang))
	}
	return strings.Join(parts, " ")
}

// Chapter returns the front matter and the Markdown body of chapter i in
// lang: about 8 KB, with level-2 headings carrying stable ids (#s1, #s2…), a
// level-3 heading, a table, code blocks, a link to the previous chapter and
// one to a record.
func Chapter(o Options, i int, lang string) (FrontMatter, string) {
	li := uint64(0)
	if lang == "ru" {
		li = 1
	}
	r := rng(1, uint64(i), li)
	title := fmt.Sprintf("Chapter %d: %s", i+1, sentence(r, "en"))
	summary := sentence(r, lang)
	if lang == "ru" {
		title = fmt.Sprintf("Глава %d: %s", i+1, upperFirst(sentence(r, "ru")))
	}
	title = strings.TrimSuffix(title, ".")
	fm := FrontMatter{Title: title, Key: ChapterKey(i), Summary: upperFirst(summary), Order: i + 1,
		Updated: fmt.Sprintf("2026-%02d-%02d", 1+i%10, 1+i%28)}

	var b strings.Builder
	b.WriteString(paragraph(r, lang) + "\n\n")
	hs := headings[lang]
	for s := 1; b.Len() < 7600; s++ {
		fmt.Fprintf(&b, "## %s %d {#s%d}\n\n", hs[(i+s)%len(hs)], s, s)
		b.WriteString(paragraph(r, lang) + "\n\n")
		switch s % 4 {
		case 1:
			if i > 0 {
				fmt.Fprintf(&b, "See [the previous chapter](/course/%s/#s1)", ChapterKey(i-1))
			} else {
				b.WriteString("See [the course](/course/)")
			}
			if o.Records > 0 {
				fmt.Fprintf(&b, " and [a record](/vendors/%s/)", RecordID((i*7+s)%o.Records))
			}
			b.WriteString(".\n\n")
		case 2:
			b.WriteString("| Category | Tied to you | Default | Off switch |\n| --- | --- | --- | --- |\n")
			for row := 0; row < 5; row++ {
				fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", categories[r.IntN(len(categories))], links[r.IntN(len(links))],
					defaults[r.IntN(len(defaults))], offSwitches[r.IntN(len(offSwitches))])
			}
			b.WriteString("\n")
		case 3:
			fmt.Fprintf(&b, "### %s\n\n", upperFirst(sentence(r, lang)))
			switch r.IntN(3) {
			case 0:
				fmt.Fprintf(&b, "```bash\n# block the collector\nsudo nft add rule inet filter output ip daddr 203.0.113.%d drop\ncurl -s https://t%d.example.com/ping | grep -c id\n```\n\n", r.IntN(250), i)
			case 1:
				fmt.Fprintf(&b, "```powershell\nSet-ItemProperty -Path HKLM:\\SOFTWARE\\Policies\\Vendor%d -Name AllowTelemetry -Value 0\nGet-Service DiagTrack | Stop-Service\n```\n\n", i)
			default:
				fmt.Fprintf(&b, "```text\n0.0.0.0 t%d.example.com\n0.0.0.0 metrics%d.example.net\n```\n\n", i, r.IntN(100))
			}
		}
		b.WriteString(paragraph(r, lang) + "\n\n")
	}
	return fm, b.String()
}

var (
	categories  = []string{"device-identifiers", "account-identifiers", "device-configuration", "installed-apps", "app-usage", "device-usage", "diagnostics", "precise-location", "coarse-location", "search-queries", "browsing-history", "contacts", "communications", "network-data", "files", "keystrokes"}
	purposes    = []string{"functionality", "product-improvement", "analytics", "security", "personalization", "advertising", "third-party-sharing"}
	links       = []string{"identified", "pseudonymous", "rotating", "anonymous", "unknown"}
	defaults    = []string{"on", "off", "asked", "unknown"}
	offSwitches = []string{"works", "partial", "ignored", "none", "unknown"}
	disclosures = []string{"documented", "undisclosed", "unknown"}
	statuses    = []string{"confirmed", "reported", "alleged"}
	stops       = []string{"works", "partial", "ignored", "unknown"}
	kinds       = []string{"browser", "os", "device", "app", "service"}
	platforms   = []string{"windows", "macos", "linux", "android", "ios", "chromeos", "web", "tv", "smart-speaker"}
	controls    = []string{"setting", "firewall", "hosts", "uninstall", "stop-using"}
)

// pick returns n different entries of list, in list order.
func pick(r *rand.Rand, list []string, n int) []string {
	idx := r.Perm(len(list))[:n]
	var out []string
	for i, s := range list {
		for _, j := range idx {
			if i == j {
				out = append(out, s)
			}
		}
	}
	return out
}

// Record returns record i as YAML: one to four collections over varied
// categories, link levels and purposes, endpoints, controls with snippets,
// an incident, two sources, and a Russian translation for every other one.
func Record(o Options, i int) string {
	r := rng(2, uint64(i))
	id := RecordID(i)
	var b strings.Builder
	fmt.Fprintf(&b, "# yaml-language-server: $schema=schema.json\nid: %s\nvendor: Vendor %d\nproduct: Product %d\n", id, i/3+1, i+1)
	fmt.Fprintf(&b, "kind: %s\nplatforms: [%s]\n", kinds[r.IntN(len(kinds))], strings.Join(pick(r, platforms, 1+r.IntN(3)), ", "))
	fmt.Fprintf(&b, "versions: \"Release %d (20%02d)\"\n", 1+r.IntN(20), 10+r.IntN(16))
	fmt.Fprintf(&b, "summary: >-\n  %s\n  %s\n", sentence(r, "en"), sentence(r, "en"))
	nc := 1 + r.IntN(4)
	b.WriteString("collects:\n")
	cats := pick(r, categories, nc)
	for _, c := range cats {
		fmt.Fprintf(&b, "  - category: %s\n    items: [%s, %s]\n", c, words["en"][r.IntN(len(words["en"]))]+" list", words["en"][r.IntN(len(words["en"]))]+" count")
		fmt.Fprintf(&b, "    linked: %s\n    purposes: [%s]\n", links[r.IntN(len(links))], strings.Join(pick(r, purposes, 1+r.IntN(2)), ", "))
		fmt.Fprintf(&b, "    default: %q\n    off_switch: %s\n    disclosed: %s\n    status: %s\n",
			defaults[r.IntN(len(defaults))], offSwitches[r.IntN(len(offSwitches))], disclosures[r.IntN(len(disclosures))], statuses[r.IntN(len(statuses))])
		fmt.Fprintf(&b, "    note: %s\n    sources: [report-%d]\n", sentence(r, "en"), 1+r.IntN(2))
	}
	fmt.Fprintf(&b, "endpoints:\n  - host: t%d.vendor%d.example.com\n    purpose: %s\n    sources: [report-1]\n", i+1, i/3+1, sentence(r, "en"))
	fmt.Fprintf(&b, "  - host: metrics.vendor%d.example.net\n    sources: [report-2]\n", i+1)
	fmt.Fprintf(&b, "controls:\n  - kind: hosts\n    how: Point the collector's host at nowhere in the hosts file.\n    snippet: \"0.0.0.0 t%d.vendor%d.example.com\"\n    lang: hosts\n    stops: %s\n    sources: [report-1]\n",
		i+1, i/3+1, stops[r.IntN(len(stops))])
	fmt.Fprintf(&b, "  - kind: %s\n    how: %s\n    stops: %s\n    sources: [report-2]\n", controls[r.IntN(len(controls))], sentence(r, "en"), stops[r.IntN(len(stops))])
	y := 2012 + r.IntN(14)
	fmt.Fprintf(&b, "incidents:\n  - date: %d-%02d-%02d\n    title: %s\n    summary: %s\n    sources: [report-1]\n", y, 1+r.IntN(12), 1+r.IntN(28),
		strings.TrimSuffix(sentence(r, "en"), "."), sentence(r, "en"))
	b.WriteString("sources:\n")
	for s := 1; s <= 2; s++ {
		fmt.Fprintf(&b, "  - id: report-%d\n    title: Report %d on product %d\n    url: https://example.org/reports/%d/%d\n    publisher: Example Research\n    published: %d-01-15\n    accessed: 2026-10-01\n",
			s, s, i+1, i+1, s, y)
	}
	if i%2 == 0 {
		fmt.Fprintf(&b, "translations:\n  ru:\n    summary: %s\n    collects:\n", sentence(r, "ru"))
		for range cats {
			fmt.Fprintf(&b, "      - items: [%s, %s]\n", words["ru"][r.IntN(len(words["ru"]))], words["ru"][r.IntN(len(words["ru"]))])
		}
		fmt.Fprintf(&b, "    incidents:\n      - title: %s\n        summary: %s\n", strings.TrimSuffix(sentence(r, "ru"), "."), sentence(r, "ru"))
	}
	b.WriteString("reviewed: 2026-10-01\n")
	return b.String()
}
