package site

import (
	"bytes"
	"encoding/xml"
)

// sitemap lists every indexable page with its hreflang alternates, so search
// engines pair the English and Russian versions.
func (b *builder) sitemap(pages []*Page) []byte {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	for _, p := range pages {
		if p.NoIndex {
			continue
		}
		buf.WriteString("<url><loc>")
		xml.EscapeText(&buf, []byte(b.absolute(p.URL)))
		buf.WriteString("</loc>")
		for _, a := range p.Alternates {
			buf.WriteString(`<xhtml:link rel="alternate" hreflang="`)
			xml.EscapeText(&buf, []byte(a.Lang))
			buf.WriteString(`" href="`)
			xml.EscapeText(&buf, []byte(b.absolute(a.URL)))
			buf.WriteString(`"/>`)
		}
		buf.WriteString("</url>\n")
	}
	buf.WriteString("</urlset>\n")
	return buf.Bytes()
}
