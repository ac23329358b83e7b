package vendor

// Help explains each field of a record, keyed by Go type and YAML key. It is
// the one text behind the schema's descriptions, the skeleton's comments and
// the "what to fill" of a missing field, so the three cannot drift apart.
var help = map[string]string{
	"Record.id":           "the record's id: the file name without .yaml, lowercase letters, digits and hyphens, such as oneplus-oxygenos",
	"Record.vendor":       "the company that makes the product, such as OnePlus",
	"Record.product":      "the product's name, such as OxygenOS",
	"Record.kind":         "what sort of product it is",
	"Record.platforms":    "the platforms the product runs on, as a list such as [android]",
	"Record.versions":     "which versions or years the record describes, such as \"OxygenOS 4 and 5 (2017)\": practices change",
	"Record.summary":      "one or two full sentences saying what the product sends and how tied to the person it is (Markdown, no HTML)",
	"Record.collects":     "one entry per kind of data the product sends (an empty list [] if it is known to send nothing)",
	"Record.endpoints":    "the hosts the data is sent to, so readers can block them",
	"Record.controls":     "how a reader stops the collection: a setting, a firewall rule, a hosts entry, uninstalling, or stopping use",
	"Record.incidents":    "dated events: a report, a finding, a fine, a change of policy",
	"Record.sources":      "every document the record's claims rest on; each must be cited by at least one entry",
	"Record.translations": "the record's text in another site language (only ru); English is the record itself",
	"Record.reviewed":     "the day someone last checked the record against its sources (YYYY-MM-DD)",

	"Collection.category":   "the kind of data, from the taxonomy",
	"Collection.items":      "the concrete data items, as a list such as [serial number, IMEI]",
	"Collection.linked":     "how tightly the data is tied to the person: identified (a name, account or hardware ID), pseudonymous (a stable random ID), rotating (an ID that changes), anonymous, or unknown",
	"Collection.purposes":   "what the vendor uses the data for, as a list such as [analytics]",
	"Collection.default":    "whether it is sent before the person chooses: on, off, asked (an opt-in prompt) or unknown",
	"Collection.off_switch": "whether turning it off stops it: works, partial, ignored (it goes on anyway), none (there is no switch) or unknown",
	"Collection.disclosed":  "whether the vendor told users before collecting: documented, undisclosed or unknown",
	"Collection.status":     "how sure the sources are: confirmed (shown by a test or the vendor), reported (by a credible outlet) or alleged (a claim not yet shown)",
	"Collection.note":       "an optional short note, for example where sources disagree (Markdown, no HTML)",
	"Collection.sources":    "the ids of the sources that back this entry, as a list such as [moore-2017]",

	"Endpoint.host":    "a host name the data is sent to, such as open.oneplus.net (no https://, no path)",
	"Endpoint.purpose": "an optional few words on what is sent there",
	"Endpoint.sources": "the ids of the sources that name this host",

	"Control.kind":    "the sort of control",
	"Control.how":     "what to do, step by step (Markdown, no HTML)",
	"Control.snippet": "optional text to copy: a hosts line, a firewall rule, a command",
	"Control.lang":    "the language of the snippet, needed when there is a snippet",
	"Control.stops":   "whether the control stops the collection: works, partial, ignored or unknown",
	"Control.sources": "the ids of the sources that describe this control",

	"Incident.date":    "the day it happened or was published (YYYY-MM-DD)",
	"Incident.title":   "a short title",
	"Incident.summary": "one or two sentences on what happened (Markdown, no HTML)",
	"Incident.sources": "the ids of the sources that report it",

	"Source.id":        "a short id to cite the source by, lowercase letters, digits and hyphens, such as moore-2017",
	"Source.title":     "the document's title",
	"Source.url":       "where to read it: an https:// (or http://) address",
	"Source.publisher": "who published it: a person, a newspaper, the vendor",
	"Source.published": "the day it was published, if known (YYYY-MM-DD)",
	"Source.accessed":  "the day you read it (YYYY-MM-DD)",

	"Translation.summary":   "the summary in this language",
	"Translation.versions":  "the versions text in this language",
	"Translation.collects":  "the collects entries' text, in the same order as collects",
	"Translation.endpoints": "the endpoints' text, in the same order as endpoints",
	"Translation.controls":  "the controls' text, in the same order as controls",
	"Translation.incidents": "the incidents' text, in the same order as incidents",

	"CollectionTranslation.items": "the items in this language, in the same order",
	"CollectionTranslation.note":  "the note in this language",
	"EndpointTranslation.purpose": "the purpose in this language",
	"ControlTranslation.how":      "the how in this language",
	"IncidentTranslation.title":   "the title in this language",
	"IncidentTranslation.summary": "the summary in this language",
}

// Help returns the explanation of a field, by Go type name and YAML key, as
// in Help("Collection", "linked").
func Help(typeName, key string) string { return help[typeName+"."+key] }
