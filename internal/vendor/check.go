package vendor

import (
	"fmt"
	"html"
	"net"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// TranslationLanguages are the site languages a record may be translated
// into; English is the record itself.
var TranslationLanguages = []string{"ru"}

var (
	idPattern    = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	hostPattern  = regexp.MustCompile(`^(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$`)
	linkPattern  = regexp.MustCompile(`\]\(\s*<?([^)\s>]*)`)
	refPattern   = regexp.MustCompile(`(?m)^\s{0,3}\[[^\]]+\]:\s*<?(\S*)`)
	imagePattern = regexp.MustCompile(`!\[[^\]]*\]\s*[(\[]`)
)

// where the long lists of allowed values are explained to contributors.
const taxonomyHint = "CONTRIBUTING.md"

// checker checks the meaning of a decoded record: required fields, values
// from the taxonomy, sources cited and existing, dates, addresses and text.
type checker struct {
	*decoder
	tx    *Taxonomy
	today Date
	rec   *Record
	cited map[string]bool
}

// at is where the value at path was, or the nearest enclosing value.
func (c *checker) at(p string) place {
	for {
		if pl, ok := c.vals[p]; ok {
			return pl
		}
		if p == "" {
			return place{1, 1}
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			p = ""
		} else {
			p = p[:i]
		}
	}
}

// present reports whether the key at path was written.
func (c *checker) present(p string) bool {
	_, ok := c.keys[p]
	return ok
}

// missing reports a required field that is absent or empty, saying what to
// fill in.
func (c *checker) missing(typeName, key, p string) {
	if c.has(p) || c.renamed[p] {
		return
	}
	h := Help(typeName, key)
	if c.present(p) {
		c.add(c.at(p), p, "empty: fill in "+h)
		return
	}
	c.add(c.at(p), p, "missing: fill in "+h)
}

// missingOneOf is missing for a field with a closed set of values: it adds
// the values when they are few and the help does not already name them.
func (c *checker) missingOneOf(typeName, key, p string, allowed []string) {
	if c.has(p) || c.renamed[p] {
		return
	}
	h := Help(typeName, key)
	switch {
	case len(allowed) > maxListed:
		h += " (the values are listed in " + taxonomyHint + ")"
	case len(allowed) > 1 && !regexp.MustCompile(`\b`+regexp.QuoteMeta(allowed[1])+`\b`).MatchString(h):
		h += "; one of: " + strings.Join(allowed, ", ")
	}
	word := "missing"
	if c.present(p) {
		word = "empty"
	}
	c.add(c.at(p), p, word+": fill in "+h)
}

// str checks a required text field.
func (c *checker) str(typeName, key, p, v string) bool {
	if strings.TrimSpace(v) == "" {
		c.missing(typeName, key, p)
		return false
	}
	c.text(p, v)
	return true
}

// enum checks a required value from the closed set of the field key of
// typeName.
func (c *checker) enum(typeName, key, p, v, what string) {
	if strings.TrimSpace(v) == "" {
		c.missingOneOf(typeName, key, p, allowed(c.tx, typeName, key))
		return
	}
	if isAllowed(c.tx, typeName, key, v) {
		return
	}
	c.add(c.at(p), p, unknownValue(what, v, allowed(c.tx, typeName, key), taxonomyHint))
}

// isAllowed reports whether v is in allowed(tx, typeName, key), without
// building that list: most values are.
func isAllowed(tx *Taxonomy, typeName, key, v string) bool {
	if terms := enumTerms(tx, typeName, key); terms != nil {
		for _, t := range terms {
			if t.ID == v {
				return true
			}
		}
		return false
	}
	return contains(enumValues(typeName, key), v)
}

// enums checks a required, non-empty list of values from the closed set
// of the field key of typeName.
func (c *checker) enums(typeName, key, p string, vs []string, what string) {
	if len(vs) == 0 {
		c.missingOneOf(typeName, key, p, allowed(c.tx, typeName, key))
		return
	}
	seen := map[string]bool{}
	for i, v := range vs {
		ip := index(p, i)
		if seen[v] {
			c.add(c.at(ip), ip, fmt.Sprintf("%q is listed twice; remove one", clip(v)))
			continue
		}
		seen[v] = true
		c.enum(typeName, key, ip, v, what)
	}
}

// date checks a date: given when required, and not after today.
func (c *checker) date(typeName, key, p string, d Date, required bool) {
	if d.IsZero() {
		if required && !c.has(p) {
			c.missing(typeName, key, p)
		}
		return
	}
	if !c.today.IsZero() && c.today.Before(d) {
		c.add(c.at(p), p, fmt.Sprintf("%s is after today (%s); a record states what has already happened", d, c.today))
	}
}

// has reports whether a problem was already reported at path or at a value
// that contains it, so a malformed value is not also called missing.
func (c *checker) has(p string) bool {
	for _, pr := range c.probs {
		if pr.Path == "" {
			continue
		}
		if pr.Path == p || (strings.HasPrefix(p, pr.Path) && (p[len(pr.Path)] == '.' || p[len(pr.Path)] == '[')) {
			return true
		}
	}
	return false
}

// cites checks an entry's list of source ids.
func (c *checker) cites(typeName, p string, ids []string) {
	if len(ids) == 0 {
		if c.has(p) {
			return
		}
		c.add(c.at(p), p, fmt.Sprintf("%s: every claim cites at least one source, such as [%s]",
			map[bool]string{true: "empty", false: "missing"}[c.present(p)], c.exampleSource()))
		return
	}
	known := c.sourceIDs()
	seen := map[string]bool{}
	for i, id := range ids {
		ip := index(p, i)
		switch {
		case strings.TrimSpace(id) == "":
			c.add(c.at(ip), ip, "empty source id; write the id of an entry under sources")
		case seen[id]:
			c.add(c.at(ip), ip, fmt.Sprintf("source %q is cited twice; remove one", clip(id)))
		case !contains(known, id):
			msg := fmt.Sprintf("source %q is not listed under sources", clip(id))
			if s := suggest(id, known); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			msg += "; add it there with its title, url, publisher and accessed date"
			c.add(c.at(ip), ip, msg)
		}
		seen[id] = true
		c.cited[id] = true
	}
}

func (c *checker) sourceIDs() []string {
	ids := make([]string, 0, len(c.rec.Sources))
	for _, s := range c.rec.Sources {
		if s.ID != "" {
			ids = append(ids, s.ID)
		}
	}
	return ids
}

func (c *checker) exampleSource() string {
	if ids := c.sourceIDs(); len(ids) > 0 {
		return ids[0]
	}
	return "moore-2017"
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// check runs every meaning check on the record.
func (c *checker) check() {
	r := c.rec
	c.cited = map[string]bool{}
	base := strings.TrimSuffix(path.Base(c.file), path.Ext(c.file))
	switch {
	case r.ID == "":
		c.missing("Record", "id", "id")
	case !idPattern.MatchString(r.ID):
		c.add(c.at("id"), "id", fmt.Sprintf("id %q may hold only lowercase letters a-z, digits and single hyphens, such as %q", clip(r.ID), slug(r.ID)))
	case r.ID != base:
		c.add(c.at("id"), "id", fmt.Sprintf("id %q does not match the file name %q; the id is the file name without .yaml, so rename the file to %s.yaml or change the id", clip(r.ID), path.Base(c.file), r.ID))
	}
	c.str("Record", "vendor", "vendor", r.Vendor)
	c.str("Record", "product", "product", r.Product)
	c.enum("Record", "kind", "kind", r.Kind, "kind")
	c.enums("Record", "platforms", "platforms", r.Platforms, "platform")
	c.str("Record", "versions", "versions", r.Versions)
	c.str("Record", "summary", "summary", r.Summary)
	if !c.present("collects") {
		c.missing("Record", "collects", "collects")
	}
	for i, e := range r.Collects {
		p := index("collects", i)
		c.enum("Collection", "category", p+".category", e.Category, "category")
		c.items("Collection", "items", p+".items", e.Items, true)
		c.enum("Collection", "linked", p+".linked", e.Linked, "link level")
		c.enums("Collection", "purposes", p+".purposes", e.Purposes, "purpose")
		c.enum("Collection", "default", p+".default", e.Default, "default")
		c.enum("Collection", "off_switch", p+".off_switch", e.OffSwitch, "off_switch value")
		c.enum("Collection", "disclosed", p+".disclosed", e.Disclosed, "disclosed value")
		c.enum("Collection", "status", p+".status", e.Status, "status")
		c.text(p+".note", e.Note)
		c.cites("Collection", p+".sources", e.Sources)
	}
	hosts := map[string]bool{}
	for i, e := range r.Endpoints {
		p := index("endpoints", i)
		if c.str("Endpoint", "host", p+".host", e.Host) {
			c.host(p+".host", e.Host)
			if hosts[e.Host] {
				c.add(c.at(p+".host"), p+".host", fmt.Sprintf("host %q is listed twice; keep one entry and cite all its sources there", clip(e.Host)))
			}
			hosts[e.Host] = true
		}
		c.text(p+".purpose", e.Purpose)
		c.cites("Endpoint", p+".sources", e.Sources)
	}
	for i, e := range r.Controls {
		p := index("controls", i)
		c.enum("Control", "kind", p+".kind", e.Kind, "control kind")
		c.str("Control", "how", p+".how", e.How)
		c.enum("Control", "stops", p+".stops", e.Stops, "stops value")
		switch {
		case e.Snippet != "" && e.Lang == "":
			c.add(c.at(p+".snippet"), p+".lang", "a snippet needs a lang, one of: "+strings.Join(Snippets, ", "))
		case e.Snippet == "" && e.Lang != "":
			c.add(c.at(p+".lang"), p+".lang", "lang names the language of the snippet, but there is no snippet; add the snippet or remove lang")
		case e.Lang != "":
			c.enum("Control", "lang", p+".lang", e.Lang, "snippet language")
		}
		c.plain(p+".snippet", e.Snippet)
		c.cites("Control", p+".sources", e.Sources)
	}
	for i, e := range r.Incidents {
		p := index("incidents", i)
		c.date("Incident", "date", p+".date", e.Date, true)
		c.str("Incident", "title", p+".title", e.Title)
		c.str("Incident", "summary", p+".summary", e.Summary)
		c.cites("Incident", p+".sources", e.Sources)
	}
	c.sources()
	c.translations()
	c.date("Record", "reviewed", "reviewed", r.Reviewed, true)
}

// items checks a list of free-text items.
func (c *checker) items(typeName, key, p string, items []string, required bool) {
	if len(items) == 0 {
		if required {
			c.missing(typeName, key, p)
		}
		return
	}
	for i, it := range items {
		ip := index(p, i)
		if strings.TrimSpace(it) == "" {
			c.add(c.at(ip), ip, "empty item; remove it or write what is sent")
			continue
		}
		c.text(ip, it)
	}
}

func (c *checker) sources() {
	r := c.rec
	if len(r.Sources) == 0 {
		c.add(c.at("sources"), "sources", fmt.Sprintf("%s: a record lists at least one source (id, title, url, publisher, accessed)",
			map[bool]string{true: "empty", false: "missing"}[c.present("sources")]))
		return
	}
	ids := map[string]int{}
	for i, s := range r.Sources {
		p := index("sources", i)
		switch {
		case s.ID == "":
			c.missing("Source", "id", p+".id")
		case !idPattern.MatchString(s.ID):
			c.add(c.at(p+".id"), p+".id", fmt.Sprintf("source id %q may hold only lowercase letters a-z, digits and single hyphens, such as %q", clip(s.ID), slug(s.ID)))
		default:
			if first, dup := ids[s.ID]; dup {
				c.add(c.at(p+".id"), p+".id", fmt.Sprintf("source id %q is already used by sources[%d]; give each source its own id", s.ID, first))
			} else {
				ids[s.ID] = i
				if !c.cited[s.ID] {
					c.add(c.at(p+".id"), p+".id", fmt.Sprintf("source %q is not cited by any entry; cite it in the sources of the claims it backs, or remove it", s.ID))
				}
			}
		}
		c.str("Source", "title", p+".title", s.Title)
		if c.str("Source", "url", p+".url", s.URL) {
			c.url(p+".url", s.URL)
		}
		c.str("Source", "publisher", p+".publisher", s.Publisher)
		c.date("Source", "published", p+".published", s.Published, false)
		c.date("Source", "accessed", p+".accessed", s.Accessed, true)
		if !s.Published.IsZero() && !s.Accessed.IsZero() && s.Accessed.Before(s.Published) {
			c.add(c.at(p+".accessed"), p+".accessed", fmt.Sprintf("accessed %s is before published %s; accessed is the day you read the source", s.Accessed, s.Published))
		}
	}
}

func (c *checker) translations() {
	r := c.rec
	langs := make([]string, 0, len(r.Translations))
	for lang := range r.Translations {
		langs = append(langs, lang)
	}
	sort.Strings(langs)
	for _, lang := range langs {
		t := r.Translations[lang]
		p := join("translations", lang)
		if !contains(TranslationLanguages, lang) {
			msg := unknownValue("translation language", lang, TranslationLanguages, "")
			if lang == "en" {
				msg = "English is the record itself, not a translation; put English text in the fields above and translate into: " + strings.Join(TranslationLanguages, ", ")
			}
			c.add(c.keys[p], p, msg)
			continue
		}
		c.text(p+".summary", t.Summary)
		c.text(p+".versions", t.Versions)
		c.longer(p+".collects", len(t.Collects), "collects", len(r.Collects))
		for i, e := range t.Collects {
			ep := index(p+".collects", i)
			if i < len(r.Collects) {
				c.longer(ep+".items", len(e.Items), index("collects", i)+".items", len(r.Collects[i].Items))
			}
			c.items("CollectionTranslation", "items", ep+".items", e.Items, false)
			c.text(ep+".note", e.Note)
		}
		c.longer(p+".endpoints", len(t.Endpoints), "endpoints", len(r.Endpoints))
		for i, e := range t.Endpoints {
			c.text(index(p+".endpoints", i)+".purpose", e.Purpose)
		}
		c.longer(p+".controls", len(t.Controls), "controls", len(r.Controls))
		for i, e := range t.Controls {
			c.text(index(p+".controls", i)+".how", e.How)
		}
		c.longer(p+".incidents", len(t.Incidents), "incidents", len(r.Incidents))
		for i, e := range t.Incidents {
			ep := index(p+".incidents", i)
			c.text(ep+".title", e.Title)
			c.text(ep+".summary", e.Summary)
		}
	}
}

// longer reports a translation list with more entries than the list it
// translates.
func (c *checker) longer(p string, n int, of string, m int) {
	if n > m {
		c.add(c.at(p), p, fmt.Sprintf("%d entries, but %s has %d; a translation follows its list entry by entry, in the same order", n, of, m))
	}
}

// url checks a source address: http or https, with a host.
func (c *checker) url(p, s string) {
	u, err := url.Parse(strings.TrimSpace(s))
	switch {
	case err != nil || strings.ContainsAny(s, " \t\n"):
		c.add(c.at(p), p, fmt.Sprintf("%q is not a web address; copy the address from the browser's address bar", clip(s)))
	case u.Scheme != "http" && u.Scheme != "https":
		c.add(c.at(p), p, fmt.Sprintf("%q is not an http(s) address; give the https:// address of the document", clip(s)))
	case u.Host == "" || u.User != nil:
		c.add(c.at(p), p, fmt.Sprintf("%q has no plain host name; give an address like https://example.com/page", clip(s)))
	}
}

// host checks an endpoint: a host name (optionally *.name) or an IP address.
func (c *checker) host(p, h string) {
	if net.ParseIP(h) != nil || hostPattern.MatchString(h) {
		return
	}
	msg := fmt.Sprintf("%q is not a host name", clip(h))
	switch {
	case strings.Contains(h, "://") || strings.Contains(h, "/"):
		if u, err := url.Parse(h); err == nil && u.Hostname() != "" {
			msg += fmt.Sprintf("; write only the host, %q", strings.ToLower(u.Hostname()))
		} else {
			msg += "; write only the host, without https:// or a path"
		}
	case strings.ToLower(h) != h:
		msg += fmt.Sprintf("; write it in lowercase, %q", strings.ToLower(h))
	default:
		msg += ", such as telemetry.example.com"
	}
	c.add(c.at(p), p, msg)
}

// markdownField reports whether the field at path p is rendered as
// Markdown (summaries, notes, how-to steps); the others are plain text,
// where a Markdown escape such as \< would show as typed.
func markdownField(p string) bool {
	last := p[strings.LastIndex(p, ".")+1:]
	return last == "summary" || last == "note" || last == "how"
}

// text checks Markdown text from a stranger: no raw HTML, no images (the
// site loads nothing from elsewhere), links only to http(s) or mailto, no
// invisible controls. Code spans may hold < freely: they render as text.
func (c *checker) text(p, s string) {
	if s == "" {
		return
	}
	if !c.plain(p, s) {
		return
	}
	prose := withoutCodeSpans(s)
	for i := 0; i+1 < len(prose); i++ {
		if prose[i] != '<' || escaped(prose, i) {
			continue
		}
		n := prose[i+1]
		if n == '/' || n == '!' || n == '?' || (n|0x20 >= 'a' && n|0x20 <= 'z') {
			end := min(len(prose), i+12)
			if j := strings.IndexAny(prose[i:end], " >\n"); j > 0 {
				end = i + j + 1
			}
			if markdownField(p) {
				c.add(c.at(p), p, fmt.Sprintf("raw HTML (%q) is not allowed in text; use Markdown instead (**bold**, [text](https://…)), or write \\< for a literal <", clip(prose[i:end])))
			} else {
				c.add(c.at(p), p, fmt.Sprintf("raw HTML (%q) is not allowed here; this field is plain text: write it without angle brackets", clip(prose[i:end])))
			}
			return
		}
	}
	// Each pattern needs the two characters looked for before it: most text
	// has none of them, and strings.Contains is far cheaper than a regexp.
	if strings.Contains(prose, "![") && (imagePattern.MatchString(prose) || refPattern.MatchString(prose)) {
		c.add(c.at(p), p, "images are not allowed in text: the site loads nothing from other sites; link to the page instead, [text](https://…)")
		return
	}
	for _, re := range [...]struct {
		re   *regexp.Regexp
		need string
	}{{linkPattern, "]("}, {refPattern, "]:"}} {
		if !strings.Contains(prose, re.need) {
			continue
		}
		for _, m := range re.re.FindAllStringSubmatch(prose, 50) {
			if scheme, ok := linkScheme(m[1]); ok && scheme != "http" && scheme != "https" && scheme != "mailto" {
				c.add(c.at(p), p, fmt.Sprintf("a link to a %q address: links may only go to http(s) or mailto addresses", clip(scheme)+":"))
				return
			}
		}
	}
}

// escaped reports whether the byte at i follows an odd number of
// backslashes, which makes it literal in Markdown.
func escaped(s string, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && s[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

// linkScheme returns the scheme of a Markdown link destination the way a
// renderer sees it: after entities and backslash escapes are decoded.
func linkScheme(dest string) (string, bool) {
	dest = html.UnescapeString(strings.ReplaceAll(dest, "\\", ""))
	dest = strings.TrimSpace(dest)
	i := strings.IndexAny(dest, ":/?#")
	if i <= 0 || dest[i] != ':' {
		return "", false // relative: a path, a query or an anchor
	}
	return strings.ToLower(dest[:i]), true
}

// withoutCodeSpans blanks out Markdown code spans (text between equal runs of
// backticks) so that what they contain is not taken for HTML or links.
func withoutCodeSpans(s string) string {
	if !strings.Contains(s, "`") {
		return s
	}
	b := []byte(s)
	for i := 0; i < len(b); {
		if b[i] != '`' {
			i++
			continue
		}
		n := 0
		for i+n < len(b) && b[i+n] == '`' {
			n++
		}
		fence := strings.Repeat("`", n)
		end := -1
		for j := i + n; j < len(b); {
			k := strings.Index(string(b[j:]), fence)
			if k < 0 {
				break
			}
			k += j
			if (k+n == len(b) || b[k+n] != '`') && (k == 0 || b[k-1] != '`') {
				end = k
				break
			}
			j = k + n
			for j < len(b) && b[j] == '`' {
				j++
			}
		}
		if end < 0 {
			i += n // an unmatched run is literal backticks
			continue
		}
		for k := i + n; k < end; k++ {
			b[k] = ' '
		}
		i = end + n
	}
	return string(b)
}

// plain refuses invisible characters that could disguise text: control
// characters and bidirectional overrides.
func (c *checker) plain(p, s string) bool {
	for _, r := range s {
		if (unicode.IsControl(r) && r != '\n' && r != '\t' && r != '\r') || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0xfeff {
			c.add(c.at(p), p, fmt.Sprintf("invisible character U+%04X is not allowed in text; delete it", r))
			return false
		}
	}
	return true
}

// slug suggests an id for s: lowercase, with hyphens between words.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
		if b.Len() > 60 {
			break
		}
	}
	if b.Len() == 0 {
		return "vendor-product"
	}
	return b.String()
}
