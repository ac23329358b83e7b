package vendor

import (
	"fmt"
	"strings"
)

// ValidID reports whether id can name a record: lowercase letters a-z,
// digits and single hyphens.
func ValidID(id string) bool { return len(id) <= 80 && idPattern.MatchString(id) }

// Skeleton returns a new record file for id: every field present and
// explained in a comment, every value empty, so that it fails the check with
// one "fill in" message per field until the facts and sources are written.
func Skeleton(id string, tx *Taxonomy) []byte {
	var b skel
	b.line(SchemaLine)
	b.line("#")
	b.wrap("", "A record of what one product sends home, and how to stop it. Fill in every field that is \"\" or [], "+
		"delete the comment lines you no longer need, and run 'go run ./cmd/atlas check': it names each field still "+
		"to fill. CONTRIBUTING.md explains every field, how to cite a source, and the line between telemetry "+
		"(anonymous data used to improve the product) and spying (data tied to a person, or collected to target them).")
	b.line("")
	b.field("", "Record", "id", id)
	b.field("", "Record", "vendor", `""`)
	b.field("", "Record", "product", `""`)
	b.enumField("", "Record", "kind", tx.Kinds, true)
	b.enumField("", "Record", "platforms", tx.Platforms, false)
	b.field("", "Record", "versions", `""`)
	b.field("", "Record", "summary", `""`)
	b.line("")
	b.wrap("", sentence(Help("Record", "collects"))+" Copy the entry below for each kind of data.")
	b.line("collects:")
	b.enumField("  - ", "Collection", "category", tx.Categories, true)
	b.field("    ", "Collection", "items", "[]")
	b.enumField("    ", "Collection", "linked", tx.Links, true)
	b.enumField("    ", "Collection", "purposes", tx.Purposes, false)
	b.field("    ", "Collection", "default", `""`)
	b.field("    ", "Collection", "off_switch", `""`)
	b.field("    ", "Collection", "disclosed", `""`)
	b.field("    ", "Collection", "status", `""`)
	b.wrap("    ", "Optional: "+Help("Collection", "note")+".")
	b.line("    # note: \"\"")
	b.field("    ", "Collection", "sources", "[]")
	b.line("")
	b.wrap("", "Optional: "+Help("Record", "endpoints")+". For example:")
	b.line("#   - host: telemetry.example.com   # no https://, no path")
	b.line("#     purpose: usage analytics      # optional")
	b.line("#     sources: [a-source-id]")
	b.line("endpoints: []")
	b.line("")
	b.wrap("", "Optional: "+Help("Record", "controls")+". kind is one of: "+strings.Join(IDs(tx.Controls), ", ")+
		"; stops is one of: "+strings.Join(Stops, ", ")+"; lang is one of: "+strings.Join(Snippets, ", ")+". For example:")
	b.line("#   - kind: hosts")
	b.line("#     how: Point the analytics host nowhere in the hosts file.")
	b.line("#     snippet: |")
	b.line("#       0.0.0.0 telemetry.example.com")
	b.line("#     lang: hosts")
	b.line("#     stops: unknown")
	b.line("#     sources: [a-source-id]")
	b.line("controls: []")
	b.line("")
	b.wrap("", "Optional: "+Help("Record", "incidents")+". For example:")
	b.line("#   - date: 2017-10-10")
	b.line("#     title: A short title")
	b.line("#     summary: One or two sentences on what happened.")
	b.line("#     sources: [a-source-id]")
	b.line("incidents: []")
	b.line("")
	b.wrap("", sentence(Help("Record", "sources"))+" Copy the entry below for each source.")
	b.line("sources:")
	b.field("  - ", "Source", "id", `""`)
	b.field("    ", "Source", "title", `""`)
	b.field("    ", "Source", "url", `""`)
	b.field("    ", "Source", "publisher", `""`)
	b.wrap("    ", "Optional: "+Help("Source", "published")+".")
	b.line("    # published: YYYY-MM-DD")
	b.field("    ", "Source", "accessed", `""`)
	b.line("")
	b.wrap("", "Optional: "+Help("Record", "translations")+". Lists follow the record's lists entry by entry. For example:")
	b.line("# translations:")
	b.line("#   ru:")
	b.line("#     summary: Одно-два предложения по-русски.")
	b.line("#     collects:")
	b.line("#       - items: [серийный номер]")
	b.line("")
	b.field("", "Record", "reviewed", `""`)
	return []byte(b.String())
}

// skel writes the skeleton, wrapping comments at about 100 columns.
type skel struct{ strings.Builder }

func (b *skel) line(s string) {
	b.WriteString(s)
	b.WriteByte('\n')
}

// wrap writes text as comment lines indented like the field they explain.
func (b *skel) wrap(prefix, text string) {
	indent := strings.Repeat(" ", len(prefix))
	b.hang(indent+"# ", indent+"# ", text)
}

// hang writes text as comment lines starting with first, then with cont.
func (b *skel) hang(first, cont, text string) {
	cur, empty := first, true
	for _, w := range strings.Fields(text) {
		if !empty && len([]rune(cur))+1+len([]rune(w)) > 100 {
			b.line(cur)
			cur, empty = cont, true
		}
		if !empty {
			cur += " "
		}
		cur += w
		empty = false
	}
	b.line(cur)
}

func (b *skel) field(prefix, typeName, key, value string) {
	b.wrap(prefix, sentence(Help(typeName, key)))
	b.line(fmt.Sprintf("%s%s: %s", prefix, key, value))
}

// enumField explains a taxonomy field with each allowed value and its
// meaning; single is false for lists.
func (b *skel) enumField(prefix, typeName, key string, terms []Term, single bool) {
	b.wrap(prefix, sentence(Help(typeName, key))+" One of:")
	indent := strings.Repeat(" ", len(prefix))
	for _, t := range terms {
		desc := t.En.Label
		if t.En.Description != "" {
			desc += ": " + t.En.Description
		}
		b.hang(indent+"#   "+t.ID+" — ", indent+"#       ", desc)
	}
	value := `""`
	if !single {
		value = "[]"
	}
	b.line(fmt.Sprintf("%s%s: %s", prefix, key, value))
}

// sentence turns a help text into a sentence: a capital and a full stop.
func sentence(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:] + "."
}
