package verdict

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// base is a collected item that is telemetry on every count; cases change
// one or two facts of it.
func base() vendor.Collection {
	return vendor.Collection{
		Category: "diagnostics", Items: []string{"crash reports"},
		Linked: "anonymous", Purposes: []string{"product-improvement"},
		Default: "on", OffSwitch: "works", Disclosed: "documented", Status: "confirmed",
		Sources: []string{"s"},
	}
}

func with(f func(c *vendor.Collection)) vendor.Collection {
	c := base()
	f(&c)
	return c
}

func record(cs ...vendor.Collection) *vendor.Record {
	return &vendor.Record{ID: "x", Vendor: "X", Product: "Y", Kind: "os", Collects: cs}
}

func taxonomy(t *testing.T) *vendor.Taxonomy {
	t.Helper()
	tx, err := vendor.LoadTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	return tx
}

func hasRule(rs []Reason, id string) (Reason, bool) {
	for _, r := range rs {
		if r.Rule == id {
			return r, true
		}
	}
	return Reason{}, false
}

// TestEveryRule triggers every rule once and shows one near miss that does
// not trigger it.
func TestEveryRule(t *testing.T) {
	cases := []struct {
		rule  string
		yes   *vendor.Record
		level Level // the level of the record that triggers the rule
		no    *vendor.Record
	}{
		{"tied-to-you",
			record(with(func(c *vendor.Collection) { c.Linked = "identified" })), Spying,
			record(with(func(c *vendor.Collection) { c.Linked = "pseudonymous" }))},
		{"targets-you",
			record(with(func(c *vendor.Collection) { c.Linked = "pseudonymous"; c.Purposes = []string{"advertising"} })), Spying,
			record(with(func(c *vendor.Collection) { c.Linked = "rotating"; c.Purposes = []string{"advertising"} }))},
		{"private-life-profile",
			record(with(func(c *vendor.Collection) { c.Linked = "pseudonymous"; c.Category = "browsing-history" })), Spying,
			record(with(func(c *vendor.Collection) { c.Linked = "pseudonymous" }))},
		{"ignores-off-switch",
			record(with(func(c *vendor.Collection) { c.OffSwitch = "ignored" })), Spying,
			record(with(func(c *vendor.Collection) { c.OffSwitch = "partial" }))},
		{"undisclosed-tied",
			record(with(func(c *vendor.Collection) { c.Disclosed = "undisclosed"; c.Linked = "pseudonymous" })), Spying,
			record(with(func(c *vendor.Collection) { c.Disclosed = "undisclosed" }))},
		{"fixed-id",
			record(with(func(c *vendor.Collection) { c.Linked = "pseudonymous" })), Grey,
			record(with(func(c *vendor.Collection) { c.Linked = "rotating" }))},
		{"link-unknown",
			record(with(func(c *vendor.Collection) { c.Linked = "unknown" })), Grey,
			record(base())},
		{"targeting-untied",
			record(with(func(c *vendor.Collection) { c.Purposes = []string{"third-party-sharing"} })), Grey,
			record(with(func(c *vendor.Collection) { c.Linked = "identified"; c.Purposes = []string{"third-party-sharing"} }))},
		{"private-content",
			record(with(func(c *vendor.Collection) { c.Category = "search-queries"; c.Linked = "rotating" })), Grey,
			record(with(func(c *vendor.Collection) { c.Category = "device-configuration"; c.Linked = "rotating" }))},
		{"analytics",
			record(with(func(c *vendor.Collection) { c.Purposes = []string{"product-improvement", "analytics"} })), Grey,
			record(base())},
		{"purpose-unknown",
			record(with(func(c *vendor.Collection) { c.Purposes = []string{"unknown"} })), Grey,
			record(with(func(c *vendor.Collection) { c.Purposes = []string{"security"} }))},
		{"partial-off-switch",
			record(with(func(c *vendor.Collection) { c.OffSwitch = "partial" })), Grey,
			record(with(func(c *vendor.Collection) { c.OffSwitch = "partial"; c.Default = "asked" }))},
		{"no-off-switch",
			record(with(func(c *vendor.Collection) { c.OffSwitch = "none"; c.Default = "unknown" })), Grey,
			record(with(func(c *vendor.Collection) { c.OffSwitch = "none"; c.Default = "off" }))},
		{"off-switch-unknown",
			record(with(func(c *vendor.Collection) { c.OffSwitch = "unknown" })), Grey,
			record(with(func(c *vendor.Collection) { c.OffSwitch = "unknown"; c.Default = "asked" }))},
		{"undisclosed",
			record(with(func(c *vendor.Collection) { c.Disclosed = "undisclosed" })), Grey,
			record(with(func(c *vendor.Collection) { c.Disclosed = "undisclosed"; c.Linked = "identified" }))},
		{"disclosure-unknown",
			record(with(func(c *vendor.Collection) { c.Disclosed = "unknown" })), Grey,
			record(base())},
		{"nothing-recorded",
			record(), Grey,
			record(base())},
		{"anonymous",
			record(base()), Telemetry,
			record(with(func(c *vendor.Collection) { c.Linked = "rotating" }))},
		{"rotating-id",
			record(with(func(c *vendor.Collection) { c.Linked = "rotating" })), Telemetry,
			record(base())},
		{"improves-product",
			record(with(func(c *vendor.Collection) { c.Purposes = []string{"functionality", "security"} })), Telemetry,
			record(with(func(c *vendor.Collection) { c.Purposes = nil }))},
		{"off-by-default",
			record(with(func(c *vendor.Collection) { c.Default = "off"; c.OffSwitch = "none" })), Telemetry,
			record(with(func(c *vendor.Collection) { c.Default = "off"; c.OffSwitch = "ignored" }))},
		{"asks-first",
			record(with(func(c *vendor.Collection) { c.Default = "asked"; c.OffSwitch = "unknown" })), Telemetry,
			record(with(func(c *vendor.Collection) { c.Default = "asked"; c.OffSwitch = "ignored" }))},
		{"off-switch-works",
			record(base()), Telemetry,
			record(with(func(c *vendor.Collection) { c.Default = "off"; c.OffSwitch = "partial" }))},
		{"disclosed",
			record(base()), Telemetry,
			record(with(func(c *vendor.Collection) { c.Disclosed = "undisclosed" }))},
	}
	tested := map[string]bool{}
	for _, tc := range cases {
		tested[tc.rule] = true
		t.Run(tc.rule, func(t *testing.T) {
			v := Judge(tc.yes, nil)
			r, ok := hasRule(v.Reasons, tc.rule)
			if !ok {
				t.Fatalf("rule did not apply; reasons: %+v", v.Reasons)
			}
			if v.Level != tc.level {
				t.Errorf("level %q, want %q", v.Level, tc.level)
			}
			if r.En == "" || r.Ru == "" || r.Alleged {
				t.Errorf("reason %+v", r)
			}
			if len(tc.yes.Collects) > 0 {
				if _, ok := hasRule(v.Items[0].Reasons, tc.rule); !ok {
					t.Errorf("item reasons lack the rule: %+v", v.Items[0].Reasons)
				}
				if !strings.Contains(r.En, "(crash reports)") {
					t.Errorf("reason %q does not name the item", r.En)
				}
			}
			if v := Judge(tc.no, nil); slices.ContainsFunc(v.Reasons, func(r Reason) bool { return r.Rule == tc.rule }) {
				t.Errorf("near miss triggered the rule: %+v", v.Reasons)
			}
		})
	}
	for _, r := range Rules() {
		if !tested[r.ID] {
			t.Errorf("rule %s has no test case", r.ID)
		}
	}
}

// TestLevelsMatchTheCourse enumerates combinations of facts and checks the
// item level against the course's definitions, written out independently.
func TestLevelsMatchTheCourse(t *testing.T) {
	purposeSets := [][]string{
		nil, {"functionality"}, {"product-improvement", "security"}, {"analytics"},
		{"advertising"}, {"personalization"}, {"third-party-sharing"}, {"unknown"}, {"product-improvement", "advertising"},
	}
	links := []string{"identified", "pseudonymous", "rotating", "anonymous", "unknown"}
	benign := []string{"functionality", "product-improvement", "security"}
	target := []string{"advertising", "personalization", "third-party-sharing"}
	n := 0
	for _, cat := range []string{"diagnostics", "browsing-history"} {
		for _, link := range links {
			for _, ps := range purposeSets {
				for _, def := range vendor.Defaults {
					for _, sw := range vendor.OffSwitch {
						for _, dis := range vendor.Disclosure {
							c := vendor.Collection{Category: cat, Linked: link, Purposes: ps,
								Default: def, OffSwitch: sw, Disclosed: dis, Status: "confirmed"}
							tied := link == "identified" || link == "pseudonymous"
							private := cat == "browsing-history"
							targeted := slices.ContainsFunc(ps, func(p string) bool { return slices.Contains(target, p) })
							want := Grey
							switch {
							case link == "identified", tied && targeted, link == "pseudonymous" && private,
								sw == "ignored", dis == "undisclosed" && tied:
								want = Spying
							case (link == "anonymous" || link == "rotating") && !private &&
								len(ps) > 0 && !slices.ContainsFunc(ps, func(p string) bool { return !slices.Contains(benign, p) }) &&
								(sw == "works" || def == "off" || def == "asked") && dis == "documented":
								want = Telemetry
							}
							got := Judge(record(c), nil).Items[0].Level
							if got != want {
								t.Errorf("%+v: %s, want %s", c, got, want)
							}
							n++
						}
					}
				}
			}
		}
	}
	if n < 1000 {
		t.Fatalf("only %d combinations", n)
	}
}

func TestAllegedIsCapped(t *testing.T) {
	spy := with(func(c *vendor.Collection) { c.Linked = "identified"; c.Items = []string{"IMEI"}; c.Status = "alleged" })
	v := Judge(record(base(), spy), nil)
	if v.Level != Grey {
		t.Errorf("record with an alleged spying item: %s, want grey", v.Level)
	}
	it := v.Items[1]
	if it.Level != Grey || !it.Alleged {
		t.Errorf("alleged item: %+v", it)
	}
	r, ok := hasRule(v.Reasons, "tied-to-you")
	if !ok || !r.Alleged || r.Level != Grey || r.En != "tied to you (IMEI)" {
		t.Errorf("alleged reason: %+v", r)
	}
	if v.Items[0].Level != Telemetry || v.Items[0].Alleged {
		t.Errorf("confirmed item changed: %+v", v.Items[0])
	}

	// A reported or confirmed item still makes the record spying, and its
	// reason comes before the same rule's alleged reason.
	reported := with(func(c *vendor.Collection) {
		c.Linked = "identified"
		c.Items = []string{"email address"}
		c.Status = "reported"
	})
	v = Judge(record(spy, reported), nil)
	if v.Level != Spying {
		t.Errorf("reported spying item: %s", v.Level)
	}
	var got []string
	for _, r := range v.Reasons {
		if r.Rule == "tied-to-you" {
			got = append(got, r.En)
		}
	}
	if want := []string{"tied to you (email address)", "tied to you (IMEI)"}; !reflect.DeepEqual(got, want) {
		t.Errorf("tied-to-you reasons %q, want %q", got, want)
	}

	// An alleged item that is telemetry stays telemetry.
	if v := Judge(record(with(func(c *vendor.Collection) { c.Status = "alleged" })), nil); v.Level != Telemetry {
		t.Errorf("alleged telemetry: %s", v.Level)
	}
}

func TestRecordReasons(t *testing.T) {
	r := record(
		with(func(c *vendor.Collection) {
			c.Category = "device-identifiers"
			c.Items = []string{"serial number", "IMEI"}
			c.Linked = "identified"
			c.Purposes = []string{"analytics"}
		}),
		base(),
		with(func(c *vendor.Collection) {
			c.Category = "account-identifiers"
			c.Items = []string{"email address", "IMEI"}
			c.Linked = "identified"
			c.OffSwitch = "ignored"
		}),
		with(func(c *vendor.Collection) { c.Category = "device-usage"; c.Items = nil }),
	)
	r.Translations = map[string]vendor.Translation{"ru": {Collects: []vendor.CollectionTranslation{
		{Items: []string{"серийный номер", "IMEI"}}, {}, {Items: []string{"адрес почты"}},
	}}}
	v := Judge(r, taxonomy(t))
	if v.Level != Spying || len(v.Items) != 4 {
		t.Fatalf("verdict %+v", v)
	}
	if want := []Level{Spying, Telemetry, Spying, Telemetry}; !reflect.DeepEqual(levels(v.Items), want) {
		t.Errorf("item levels %v, want %v", levels(v.Items), want)
	}
	tied, _ := hasRule(v.Reasons, "tied-to-you")
	if tied.En != "tied to you (serial number, IMEI, email address)" {
		t.Errorf("en: %q", tied.En)
	}
	if tied.Ru != "привязано к вам (серийный номер, IMEI, адрес почты)" {
		t.Errorf("ru: %q", tied.Ru)
	}
	if n := strings.Count(fmtReasons(v.Reasons), "tied-to-you"); n != 1 {
		t.Errorf("tied-to-you listed %d times", n)
	}
	// No items: the category's name stands in, in each language.
	if r, _ := hasRule(v.Items[3].Reasons, "anonymous"); r.En != "sent anonymously (device usage)" || r.Ru != "отправляется анонимно (использование устройства)" {
		t.Errorf("category fallback: %+v", r)
	}
	// Worst first, confirmed before alleged, then in rule order.
	pos := map[string]int{}
	for i, rule := range Rules() {
		pos[rule.ID] = i
	}
	for i := 1; i < len(v.Reasons); i++ {
		a, b := v.Reasons[i-1], v.Reasons[i]
		if b.Level.Worse(a.Level) || (a.Level == b.Level && pos[a.Rule] > pos[b.Rule]) {
			t.Errorf("reasons out of order: %s before %s", a.Rule, b.Rule)
		}
	}
	if v.Reasons[0].Level != Spying || v.Reasons[len(v.Reasons)-1].Level != Telemetry {
		t.Errorf("order: %s", fmtReasons(v.Reasons))
	}
	// Deterministic.
	for range 20 {
		if w := Judge(r, taxonomy(t)); !reflect.DeepEqual(v, w) {
			t.Fatal("two judgements of the same record differ")
		}
	}
}

func levels(its []Item) []Level {
	var out []Level
	for _, it := range its {
		out = append(out, it.Level)
	}
	return out
}

func fmtReasons(rs []Reason) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString(r.Rule + "/" + string(r.Level) + " ")
	}
	return b.String()
}

func TestCanTurnOff(t *testing.T) {
	works := vendor.Control{Kind: "hosts", Stops: "works"}
	cases := []struct {
		name     string
		collects []vendor.Collection
		controls []vendor.Control
		want     bool
	}{
		{"switch works", []vendor.Collection{base()}, nil, true},
		{"off by default", []vendor.Collection{with(func(c *vendor.Collection) { c.Default = "off"; c.OffSwitch = "none" })}, nil, true},
		{"asks first", []vendor.Collection{with(func(c *vendor.Collection) { c.Default = "asked"; c.OffSwitch = "unknown" })}, nil, true},
		{"partial switch", []vendor.Collection{base(), with(func(c *vendor.Collection) { c.OffSwitch = "partial" })}, nil, false},
		{"default unknown, no switch", []vendor.Collection{with(func(c *vendor.Collection) { c.Default = "unknown"; c.OffSwitch = "none" })}, nil, false},
		{"ignored but blocked", []vendor.Collection{with(func(c *vendor.Collection) { c.OffSwitch = "ignored" })}, []vendor.Control{works}, true},
		{"control only partial", []vendor.Collection{with(func(c *vendor.Collection) { c.OffSwitch = "none" })}, []vendor.Control{{Kind: "firewall", Stops: "partial"}}, false},
		{"stopping use does not count", []vendor.Collection{with(func(c *vendor.Collection) { c.OffSwitch = "none" })}, []vendor.Control{{Kind: "stop-using", Stops: "works"}}, false},
		{"a working setting does not stand in for a missing switch", []vendor.Collection{base(), with(func(c *vendor.Collection) { c.OffSwitch = "none" })}, []vendor.Control{{Kind: "setting", Stops: "works"}}, false},
		{"a firewall rule that works", []vendor.Collection{with(func(c *vendor.Collection) { c.OffSwitch = "unknown" })}, []vendor.Control{{Kind: "firewall", Stops: "works"}}, true},
		{"uninstalling the component counts", []vendor.Collection{with(func(c *vendor.Collection) { c.OffSwitch = "none" })}, []vendor.Control{{Kind: "uninstall", Stops: "works"}}, true},
	}
	for _, tc := range cases {
		r := record(tc.collects...)
		r.Controls = tc.controls
		if got := Judge(r, nil).CanTurnOff; got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

var cyrillic = regexp.MustCompile(`\p{Cyrillic}`)

func TestRulesHaveTextInBothLanguages(t *testing.T) {
	id := regexp.MustCompile(`^[a-z][a-z0-9-]*$`)
	seen := map[string]bool{}
	for _, r := range Rules() {
		if !id.MatchString(r.ID) || seen[r.ID] {
			t.Errorf("rule id %q: malformed or repeated", r.ID)
		}
		seen[r.ID] = true
		if !slices.Contains(Levels(), r.Level) {
			t.Errorf("%s: level %q", r.ID, r.Level)
		}
		if (r.Item == nil) == (r.Record == nil) || r.Say == nil {
			t.Errorf("%s: needs exactly one of Item and Record, and Say", r.ID)
		}
		for lang, tx := range map[string]Text{"en": r.En, "ru": r.Ru} {
			if tx.Title == "" || tx.Explanation == "" {
				t.Errorf("%s: %s title or explanation missing", r.ID, lang)
			}
		}
		if cyrillic.MatchString(r.En.Title+r.En.Explanation) || !cyrillic.MatchString(r.Ru.Title) || !cyrillic.MatchString(r.Ru.Explanation) {
			t.Errorf("%s: a text is in the wrong language", r.ID)
		}
		en, ru := r.Say([]vendor.Collection{with(func(c *vendor.Collection) {
			c.Purposes = []string{"advertising", "personalization", "third-party-sharing"}
		})})
		if en == "" || cyrillic.MatchString(en) || !cyrillic.MatchString(ru) {
			t.Errorf("%s: reason %q / %q", r.ID, en, ru)
		}
		if r.In("ru") != r.Ru || r.In("en") != r.En || r.In("de") != r.En {
			t.Errorf("%s: In picks the wrong language", r.ID)
		}
	}
}

func TestMethodologyListsEveryRule(t *testing.T) {
	m := Methodology()
	rules := Rules()
	if len(m.Rules) != len(rules) {
		t.Fatalf("methodology has %d rules, the rubric %d", len(m.Rules), len(rules))
	}
	for i, r := range rules {
		got := m.Rules[i]
		if got.ID != r.ID || got.Level != r.Level || got.En != r.En || got.Ru != r.Ru {
			t.Errorf("methodology rule %d is %+v, want %s", i, got, r.ID)
		}
		if want := map[bool]string{true: "record", false: "item"}[r.Record != nil]; got.Scope != want {
			t.Errorf("%s: scope %q, want %q", r.ID, got.Scope, want)
		}
	}
	if len(m.Levels) != 3 {
		t.Errorf("levels: %+v", m.Levels)
	}
	for i, l := range m.Levels {
		if l.Level != Levels()[i] || l.En.Title == "" || l.En.Explanation == "" || !cyrillic.MatchString(l.Ru.Title+l.Ru.Explanation) {
			t.Errorf("level %+v", l)
		}
		if l.Level.In("ru") != l.Ru || l.Level.In("en") != l.En {
			t.Errorf("Level.In(%s)", l.Level)
		}
	}
	ids := map[string]bool{}
	for _, n := range m.Notes {
		if ids[n.ID] || n.En.Title == "" || n.En.Explanation == "" || !cyrillic.MatchString(n.Ru.Title) || !cyrillic.MatchString(n.Ru.Explanation) {
			t.Errorf("note %+v", n)
		}
		ids[n.ID] = true
	}
	if !ids["alleged"] || !ids["can-turn-off"] {
		t.Errorf("notes lack alleged or can-turn-off: %v", ids)
	}
}

// TestVocabularyMatchesTaxonomy keeps the rules in step with the taxonomy:
// every category they name exists, and every purpose and link level of the
// taxonomy is one the rules know what to do with.
func TestVocabularyMatchesTaxonomy(t *testing.T) {
	tx := taxonomy(t)
	cats := vendor.IDs(tx.Categories)
	for _, c := range PrivateCategories() {
		if !slices.Contains(cats, c) {
			t.Errorf("private category %q is not in the taxonomy", c)
		}
	}
	for _, p := range vendor.IDs(tx.Purposes) {
		if p != "unknown" && !slices.Contains(statedPurposes, p) {
			t.Errorf("taxonomy purpose %q is unknown to the rules", p)
		}
	}
	for _, p := range statedPurposes {
		if !slices.Contains(vendor.IDs(tx.Purposes), p) {
			t.Errorf("rules purpose %q is not in the taxonomy", p)
		}
	}
	for _, l := range vendor.IDs(tx.Links) {
		if l != "unknown" && !slices.Contains(knownLinks, l) {
			t.Errorf("taxonomy link %q is unknown to the rules", l)
		}
	}
}

func TestLongListsAreCut(t *testing.T) {
	var cs []vendor.Collection
	for _, items := range [][]string{{"a", "b"}, {"c"}, {"d", "e"}, {"f", "a"}} {
		cs = append(cs, with(func(c *vendor.Collection) { c.Linked = "identified"; c.Items = items }))
	}
	v := Judge(record(cs...), nil)
	r, _ := hasRule(v.Reasons, "tied-to-you")
	if r.En != "tied to you (a, b, c, d, and 2 more)" || r.Ru != "привязано к вам (a, b, c, d и ещё 2)" {
		t.Errorf("record reason %+v", r)
	}
	if r, _ := hasRule(v.Items[3].Reasons, "tied-to-you"); r.En != "tied to you (f, a)" {
		t.Errorf("item reason %+v", r)
	}
	v = Judge(record(cs[:2]...), nil)
	if r, _ := hasRule(v.Reasons, "tied-to-you"); r.En != "tied to you (a, b, c)" {
		t.Errorf("short list %+v", r)
	}
	// One more than the limit is named rather than counted.
	v = Judge(record(cs[:3]...), nil)
	if r, _ := hasRule(v.Reasons, "tied-to-you"); r.En != "tied to you (a, b, c, d, e)" {
		t.Errorf("limit plus one %+v", r)
	}
}
