// Package verdict is the course's test as code: from the facts of a vendor
// record alone (how tied to a person the data is, what it is for, whether the
// off switch works, whether it was disclosed, what kind of data it is) it
// says of every collected item, and of the record, whether it is telemetry,
// spying or the grey between, and why. The rules are data (Rules), so the
// methodology page is generated from the same slice the verdicts come from.
//
// How the status of a claim weighs: confirmed and reported items count in
// full. An alleged item is judged by the same rules, but its reasons are
// marked Alleged and capped at grey, and so is the item: an allegation alone
// never makes a record spying, yet it keeps the record from looking clean.
// A record's level is the worst level of its items under that cap.
package verdict

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// Level is how a collection is judged.
type Level string

// The three levels, from best to worst.
const (
	Telemetry Level = "telemetry"
	Grey      Level = "grey"
	Spying    Level = "spying"
)

// Levels returns the levels from best to worst.
func Levels() []Level { return []Level{Telemetry, Grey, Spying} }

// rank orders levels; an unrecognised level ranks with grey, never better.
func (l Level) rank() int {
	switch l {
	case Telemetry:
		return 0
	case Spying:
		return 2
	default:
		return 1
	}
}

// Worse reports whether l is a worse level than m.
func (l Level) Worse(m Level) bool { return l.rank() > m.rank() }

// worst returns the worse of two levels.
func worst(l, m Level) Level {
	if m.Worse(l) {
		return m
	}
	return l
}

// In returns the level's name and meaning in lang, falling back to English.
func (l Level) In(lang string) Text {
	for _, li := range levelTexts() {
		if li.Level == l {
			if lang == "ru" {
				return li.Ru
			}
			return li.En
		}
	}
	return Text{Title: string(l)}
}

// Reason is one rule that applied, worded for the items it applied to.
type Reason struct {
	// Rule is the id of the rule in Rules.
	Rule string `json:"rule"`
	// Level is what the reason weighs: the rule's level, capped at grey when
	// Alleged.
	Level Level `json:"level"`
	// Alleged marks a reason that rests only on collections whose status is
	// alleged: a renderer must show it as unconfirmed.
	Alleged bool `json:"alleged"`
	// En and Ru are plain text (not Markdown, not HTML): escape them.
	En string `json:"en"`
	Ru string `json:"ru"`
}

// In returns the reason's text in lang, falling back to English.
func (r Reason) In(lang string) string {
	if lang == "ru" && r.Ru != "" {
		return r.Ru
	}
	return r.En
}

// Item is the verdict on one collected item.
type Item struct {
	Level Level `json:"level"`
	// Alleged says the item's status is alleged, so its level is capped at
	// grey.
	Alleged bool     `json:"alleged"`
	Reasons []Reason `json:"reasons"`
}

// Verdict is the judgement of one record.
type Verdict struct {
	// Level is the worst level of the record's items (alleged items count
	// at most as grey).
	Level Level `json:"level"`
	// Reasons are the reasons of all items, one per rule (and alleged or
	// not), naming every item it applied to; worst first, then confirmed
	// before alleged, then in the order of Rules.
	Reasons []Reason `json:"reasons"`
	// Items are the verdicts on r.Collects, by position.
	Items []Item `json:"items"`
	// CanTurnOff says every item that is on by default (or not known to be
	// off) can be stopped: by its off switch that works, or by a control of
	// the record that blocks it or removes the component (firewall, hosts,
	// uninstall) and works.
	CanTurnOff bool `json:"can_turn_off"`
}

// rubric is Rules, made once: Judge only reads it. Made per call, the
// rules and their closures were a sixth of judging 10,000 records.
var rubric = sync.OnceValue(Rules)

// Judge computes the verdict of a record from its facts. The taxonomy only
// supplies the names of categories for items that list no items of their
// own; tx may be nil.
func Judge(r *vendor.Record, tx *vendor.Taxonomy) Verdict {
	rules := rubric()
	v := Verdict{Level: Telemetry, Reasons: []Reason{}, Items: make([]Item, len(r.Collects))}
	names := subjects(r, tx)

	type key struct {
		rule    int
		alleged bool
	}
	groups := map[key][]int{}
	for i, c := range r.Collects {
		alleged := c.Status == "alleged"
		it := Item{Level: Telemetry, Alleged: alleged, Reasons: []Reason{}}
		for ri, rule := range rules {
			if rule.Item == nil || !rule.Item(c) {
				continue
			}
			rs := reason(rule, alleged, []vendor.Collection{c}, names[i:i+1], 0)
			it.Reasons = append(it.Reasons, rs)
			it.Level = worst(it.Level, rs.Level)
			k := key{ri, alleged}
			groups[k] = append(groups[k], i)
		}
		sortReasons(it.Reasons, rules)
		v.Items[i] = it
		v.Level = worst(v.Level, it.Level)
	}
	for _, rule := range rules {
		if rule.Record == nil || !rule.Record(r) {
			continue
		}
		rs := reason(rule, false, nil, nil, 0)
		v.Reasons = append(v.Reasons, rs)
		v.Level = worst(v.Level, rs.Level)
	}
	for k, idx := range groups {
		cs := make([]vendor.Collection, len(idx))
		ns := make([]subject, len(idx))
		for j, i := range idx {
			cs[j], ns[j] = r.Collects[i], names[i]
		}
		v.Reasons = append(v.Reasons, reason(rules[k.rule], k.alleged, cs, ns, MaxNames))
	}
	sortReasons(v.Reasons, rules)
	v.CanTurnOff = canTurnOff(r)
	return v
}

// MaxNames is how many things a record's reason names before it says how
// many more there are; an item's reasons name all of its items.
const MaxNames = 4

// reason words one rule for the collections it applied to, naming at most
// max things (0: all).
func reason(rule Rule, alleged bool, cs []vendor.Collection, ns []subject, max int) Reason {
	en, ru := rule.Say(cs)
	if list := joinSubjects(ns, max); list.en != "" {
		en += " (" + list.en + ")"
		ru += " (" + list.ru + ")"
	}
	lvl := rule.Level
	if alleged && lvl.Worse(Grey) {
		lvl = Grey
	}
	return Reason{Rule: rule.ID, Level: lvl, Alleged: alleged, En: en, Ru: ru}
}

// sortReasons orders reasons worst first, confirmed before alleged, then by
// the rule's place in rules.
func sortReasons(rs []Reason, rules []Rule) {
	if len(rs) < 2 {
		return
	}
	// The rules are a dozen: their order is looked up in the list, which
	// costs less than a map made per call (one per item of every record).
	pos := func(id string) int {
		return slices.IndexFunc(rules, func(r Rule) bool { return r.ID == id })
	}
	slices.SortStableFunc(rs, func(a, b Reason) int {
		if c := cmp.Compare(b.Level.rank(), a.Level.rank()); c != 0 {
			return c
		}
		if a.Alleged != b.Alleged {
			if a.Alleged {
				return 1
			}
			return -1
		}
		return cmp.Compare(pos(a.Rule), pos(b.Rule))
	})
}

// canTurnOff reports whether every item that is not known to be off by
// default can be stopped: by its own off switch, or by a control of the
// record that blocks or removes the collection and works. A setting control
// does not count for an item whose off switch does not work (the item's
// off_switch is the fact about its setting: controls are not tied to items),
// and giving up the product is not turning it off.
func canTurnOff(r *vendor.Record) bool {
	control := false
	for _, c := range r.Controls {
		if (c.Kind == "firewall" || c.Kind == "hosts" || c.Kind == "uninstall") && c.Stops == "works" {
			control = true
		}
	}
	for _, c := range r.Collects {
		if c.Default == "off" || c.Default == "asked" || c.OffSwitch == "works" || control {
			continue
		}
		return false
	}
	return true
}

// subject is what a reason names for one item, in both languages.
type subject struct{ en, ru []string }

// subjects names each collected item: its items (the Russian translation's
// items where given), or else the name of its category.
func subjects(r *vendor.Record, tx *vendor.Taxonomy) []subject {
	var ru []vendor.CollectionTranslation
	if t, ok := r.Translations["ru"]; ok {
		ru = t.Collects
	}
	out := make([]subject, len(r.Collects))
	for i, c := range r.Collects {
		s := subject{en: clean(c.Items)}
		if i < len(ru) {
			s.ru = clean(ru[i].Items)
		}
		if len(s.en) == 0 {
			s.en = []string{c.Category}
			s.ru = nil
			if tx != nil {
				if t, ok := vendor.Find(tx.Categories, c.Category); ok {
					s.en = []string{lowerFirst(t.En.Label)}
					if t.Ru.Label != "" {
						s.ru = []string{lowerFirst(t.Ru.Label)}
					}
				}
			}
		}
		if len(s.ru) == 0 {
			s.ru = s.en
		}
		out[i] = s
	}
	return out
}

// clean trims items and drops empty ones; control characters become spaces
// so a reason stays one line of text.
func clean(items []string) []string {
	var out []string
	for _, it := range items {
		it = strings.Join(strings.FieldsFunc(it, func(r rune) bool {
			return r == ' ' || r < 0x20 || r == 0x7f || r == 0x85 || r == 0x2028 || r == 0x2029
		}), " ")
		if it != "" {
			out = append(out, it)
		}
	}
	return out
}

// lowerFirst lowers the first letter of a category label, which is written
// for a heading, so it reads inside a sentence.
func lowerFirst(s string) string {
	for i, r := range s {
		if i == 0 {
			return strings.ToLower(string(r)) + s[len(string(r)):]
		}
	}
	return s
}

// joinSubjects lists the names of several items once each, in order, at
// most max of them (0: all) and then how many more there are.
func joinSubjects(ns []subject, max int) struct{ en, ru string } {
	var en, ru []string
	for _, n := range ns {
		for _, s := range n.en {
			if !slices.Contains(en, s) {
				en = append(en, s)
			}
		}
		for _, s := range n.ru {
			if !slices.Contains(ru, s) {
				ru = append(ru, s)
			}
		}
	}
	return struct{ en, ru string }{
		cut(en, max, ", and %d more"),
		cut(ru, max, " и ещё %d"),
	}
}

// cut joins names, keeping the first max and counting the rest; it never
// cuts a single name, which takes no more room than saying "1 more".
func cut(names []string, max int, more string) string {
	if max <= 0 || len(names) <= max+1 {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:max], ", ") + fmt.Sprintf(more, len(names)-max)
}
