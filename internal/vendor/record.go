// Package vendor holds what the atlas knows about one product: the record
// types, the taxonomy their values come from, strict decoding of
// vendors/<id>.yaml with positions, and the checks a record must pass.
package vendor

// Record is one product's entry: what it collects, where it sends it, how to
// stop it, and the sources for every claim. The id is the file name.
//
// The yaml tags are the record format: a field whose tag has no ,omitempty
// is required (vendors/schema.json is generated from these tags, and the
// checks in check.go agree with it), and help.go explains every field. Read
// records with Decode or LoadDir, never with a plain YAML decoder: those
// check what the types cannot say.
type Record struct {
	ID        string   `yaml:"id" json:"id"`
	Vendor    string   `yaml:"vendor" json:"vendor"`
	Product   string   `yaml:"product" json:"product"`
	Kind      string   `yaml:"kind" json:"kind"`
	Platforms []string `yaml:"platforms" json:"platforms"`
	// Versions says which releases the record describes: practices change.
	Versions string `yaml:"versions" json:"versions"`
	// Summary is one or two sentences of Markdown without raw HTML.
	Summary      string                 `yaml:"summary" json:"summary"`
	Collects     []Collection           `yaml:"collects" json:"collects"`
	Endpoints    []Endpoint             `yaml:"endpoints,omitempty" json:"endpoints"`
	Controls     []Control              `yaml:"controls,omitempty" json:"controls"`
	Incidents    []Incident             `yaml:"incidents,omitempty" json:"incidents"`
	Sources      []Source               `yaml:"sources" json:"sources"`
	Translations map[string]Translation `yaml:"translations,omitempty" json:"translations,omitempty"`
	Reviewed     Date                   `yaml:"reviewed" json:"reviewed"`
}

// Collection is one kind of data the product sends.
type Collection struct {
	Category string   `yaml:"category" json:"category"`
	Items    []string `yaml:"items" json:"items"`
	// Linked says how tightly the data is tied to the person: identified,
	// pseudonymous, rotating, anonymous or unknown.
	Linked   string   `yaml:"linked" json:"linked"`
	Purposes []string `yaml:"purposes" json:"purposes"`
	// Default is on, off, asked (an opt-in prompt) or unknown.
	Default string `yaml:"default" json:"default"`
	// OffSwitch says whether turning it off stops it: works, partial,
	// ignored (it goes on after being turned off), none (no switch) or unknown.
	OffSwitch string `yaml:"off_switch" json:"off_switch"`
	// Disclosed says whether the vendor told users before collecting:
	// documented, undisclosed or unknown.
	Disclosed string `yaml:"disclosed" json:"disclosed"`
	// Status is confirmed, reported or alleged: a rumour is labelled as one.
	Status  string   `yaml:"status" json:"status"`
	Note    string   `yaml:"note,omitempty" json:"note,omitempty"`
	Sources []string `yaml:"sources" json:"sources"`
}

// Endpoint is a host the product sends data to, for blocking.
type Endpoint struct {
	Host    string   `yaml:"host" json:"host"`
	Purpose string   `yaml:"purpose,omitempty" json:"purpose,omitempty"`
	Sources []string `yaml:"sources" json:"sources"`
}

// Control is one way for a reader to stop the collection: a setting, a
// firewall rule, a hosts entry, uninstalling a component or stopping use.
type Control struct {
	Kind string `yaml:"kind" json:"kind"`
	// How says what to do, in Markdown without raw HTML.
	How string `yaml:"how" json:"how"`
	// Snippet is optional ready-to-copy text (a hosts line, a firewall rule)
	// in the language named by Lang (powershell, bash, nftables, pf, hosts).
	Snippet string   `yaml:"snippet,omitempty" json:"snippet,omitempty"`
	Lang    string   `yaml:"lang,omitempty" json:"lang,omitempty"`
	Stops   string   `yaml:"stops" json:"stops"`
	Sources []string `yaml:"sources" json:"sources"`
}

// Incident is a dated event: a report, a finding, a fine, a change of policy.
type Incident struct {
	Date    Date     `yaml:"date" json:"date"`
	Title   string   `yaml:"title" json:"title"`
	Summary string   `yaml:"summary" json:"summary"`
	Sources []string `yaml:"sources" json:"sources"`
}

// Source is a document a reader can open.
type Source struct {
	ID        string `yaml:"id" json:"id"`
	Title     string `yaml:"title" json:"title"`
	URL       string `yaml:"url" json:"url"`
	Publisher string `yaml:"publisher" json:"publisher"`
	Published Date   `yaml:"published,omitempty" json:"published,omitempty"`
	Accessed  Date   `yaml:"accessed" json:"accessed"`
}

// Translation carries a record's text fields in another language. Lists
// match the record's lists by position; an empty field falls back to English.
type Translation struct {
	Summary   string                  `yaml:"summary,omitempty" json:"summary,omitempty"`
	Versions  string                  `yaml:"versions,omitempty" json:"versions,omitempty"`
	Collects  []CollectionTranslation `yaml:"collects,omitempty" json:"collects,omitempty"`
	Endpoints []EndpointTranslation   `yaml:"endpoints,omitempty" json:"endpoints,omitempty"`
	Controls  []ControlTranslation    `yaml:"controls,omitempty" json:"controls,omitempty"`
	Incidents []IncidentTranslation   `yaml:"incidents,omitempty" json:"incidents,omitempty"`
}

// CollectionTranslation translates one Collection's text.
type CollectionTranslation struct {
	Items []string `yaml:"items,omitempty" json:"items,omitempty"`
	Note  string   `yaml:"note,omitempty" json:"note,omitempty"`
}

// EndpointTranslation translates one Endpoint's text.
type EndpointTranslation struct {
	Purpose string `yaml:"purpose,omitempty" json:"purpose,omitempty"`
}

// ControlTranslation translates one Control's text.
type ControlTranslation struct {
	How string `yaml:"how,omitempty" json:"how,omitempty"`
}

// IncidentTranslation translates one Incident's text.
type IncidentTranslation struct {
	Title   string `yaml:"title,omitempty" json:"title,omitempty"`
	Summary string `yaml:"summary,omitempty" json:"summary,omitempty"`
}
