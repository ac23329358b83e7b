package vendor

import "testing"

func TestSuggest(t *testing.T) {
	cats := []string{"device-identifiers", "account-identifiers", "diagnostics", "contacts"}
	for _, tc := range []struct {
		got        string
		candidates []string
		want       string
	}{
		{"identifers", cats, "device-identifiers"},
		{"Diagnostic", cats, "diagnostics"},
		{"contact", cats, "contacts"},
		{"location", cats, ""},
		{"sh", []string{"powershell", "bash", "hosts"}, "bash"},
		{"de", []string{"ru"}, ""},
		{"offswitch", []string{"default", "off_switch", "disclosed"}, "off_switch"},
		{"analytics", []string{"analytics"}, ""},
		{"", cats, ""},
	} {
		if got := suggest(tc.got, tc.candidates); got != tc.want {
			t.Errorf("suggest(%q) = %q, want %q", tc.got, got, tc.want)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"a", "", 1}, {"kitten", "sitting", 3}, {"ключ", "клюв", 1}, {"abc", "abc", 0},
	} {
		if got := distance(tc.a, tc.b); got != tc.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
