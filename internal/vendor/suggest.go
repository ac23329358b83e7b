package vendor

import (
	"fmt"
	"strings"
)

// maxListed is the largest set of allowed values a message spells out.
const maxListed = 10

// suggest returns the candidate closest to got, or "" when none is close
// enough to be a likely typo. A candidate's hyphen-separated parts count
// too, so "identifers" finds "device-identifiers". Ties go to the earlier
// candidate, which keeps the answer deterministic.
func suggest(got string, candidates []string) string {
	got = strings.ToLower(strings.TrimSpace(got))
	if got == "" || len(got) > 64 {
		return ""
	}
	best, bestDist := "", -1
	for _, c := range candidates {
		d := distance(got, c)
		if parts := strings.Split(c, "-"); len(parts) > 1 {
			for _, p := range parts {
				if len(p) >= 3 {
					// A part match is a weaker hint than a whole match.
					if pd := distance(got, p) + 1; pd < d {
						d = pd
					}
				}
			}
		}
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	limit := len([]rune(got)) / 3
	if limit < 2 {
		limit = 2
	}
	// A candidate that shares nothing with got (every character replaced)
	// is no suggestion, however short both are.
	if bestDist < 0 || bestDist > limit || best == got || bestDist >= max(len([]rune(got)), len([]rune(best))) {
		return ""
	}
	return best
}

// distance is the Levenshtein edit distance between a and b, by runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// unknownValue words the problem of a value outside a closed set: what was
// written, the likely intended value, and the allowed values when they are
// few enough to read.
func unknownValue(what, got string, allowed []string, where string) string {
	return unknownValueMax(what, got, allowed, where, maxListed)
}

func unknownValueMax(what, got string, allowed []string, where string, listed int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "unknown %s %q", what, clip(got))
	s := suggest(got, allowed)
	if s != "" {
		fmt.Fprintf(&b, " (did you mean %q?)", s)
	}
	if len(allowed) <= listed {
		fmt.Fprintf(&b, "; allowed: %s", strings.Join(allowed, ", "))
	} else if s == "" && where != "" {
		fmt.Fprintf(&b, "; the allowed values are listed in %s", where)
	}
	return b.String()
}

// clip shortens a value quoted in a message, so hostile input cannot make
// a message huge.
func clip(s string) string {
	const max = 60
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	return string(r[:max]) + "…"
}
