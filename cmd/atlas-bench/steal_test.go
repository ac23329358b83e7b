package main

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParseSteal(t *testing.T) {
	for _, tc := range []struct {
		name, stat string
		want       time.Duration
		ok         bool
	}{
		{"linux 6", "cpu  7289552 74144 1914233 5942917 508633 0 80054 887475 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\n", 8874750 * time.Millisecond, true},
		{"no steal taken", "cpu  10 0 5 100 0 0 0 0 0 0\n", 0, true},
		{"seven figures", "cpu  10 0 5 100 0 0 0\n", 0, false},
		{"not the cpu line first", "intr 1 2 3 4 5 6 7 8 9\n", 0, false},
		{"a cpu's own line", "cpu0 1 2 3 4 5 6 7 8 0 0\n", 0, false},
		{"not a number", "cpu  1 2 3 4 5 6 7 x 0 0\n", 0, false},
		{"empty", "", 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := parseSteal([]byte(tc.stat))
			if got != tc.want || ok != tc.ok {
				t.Fatalf("parseSteal = %v, %v; want %v, %v", got, ok, tc.want, tc.ok)
			}
		})
	}
}

// script is a steal counter that grows by the next of its steps at each
// reading after a run (timed reads it before and after each).
type script struct {
	steps []time.Duration
	reads int
	total time.Duration
}

func (s *script) stolen() time.Duration {
	s.reads++
	if s.reads%2 == 0 && len(s.steps) > 0 {
		s.total += s.steps[0]
		s.steps = s.steps[1:]
	}
	return s.total
}

// TestRoundsTimeAStolenRoundAgain runs this test binary, doing nothing, as
// two tools, with steal made up: a round in which the CPUs were taken is
// left out and timed again in directories of its own, until no retries
// are left.
func TestRoundsTimeAStolenRoundAgain(t *testing.T) {
	const hour = time.Hour // far over any share of a run of milliseconds
	for _, tc := range []struct {
		name     string
		retries  int
		steal    []time.Duration // per run, tool after tool
		attempts []int           // the attempts each tool ran in, in order
		kept     int             // runs kept per tool
		says     string
	}{
		{"nothing stolen", 3, nil, []int{1, 2}, 2, ""},
		{"second tool of round 1", 3, []time.Duration{0, hour}, []int{1, 2, 3}, 2, "round 1 left out"},
		{"twice", 3, []time.Duration{hour, 0, 0, hour}, []int{1, 2, 3, 4}, 2, "rounds timed again for steal: 2; rounds kept with more than 10 % stolen: 0"},
		{"no retries left", 1, []time.Duration{hour, 0, hour, 0}, []int{1, 2, 3}, 2, "rounds timed again for steal: 1; rounds kept with more than 10 % stolen: 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out strings.Builder
			s := &script{steps: tc.steal}
			tm := timer{w: &out, settle: func() {}, stolen: s.stolen, cpus: 2, maxSteal: 0.1, retries: tc.retries}
			var attempts []int
			dir := t.TempDir()
			mk := func(name string, record bool) tool {
				return tool{name, os.Args[0], func(i int) []string {
					if record {
						attempts = append(attempts, i)
					}
					return []string{"-test.run=^$"}
				}, func(int) string { return dir }}
			}
			all, n, err := tm.rounds([]tool{mk("one", true), mk("two", false)}, 2, func(a int) int { return a })
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(attempts, tc.attempts) || n != len(tc.attempts) {
				t.Errorf("attempts %v, returned %d; want %v", attempts, n, tc.attempts)
			}
			for i, runs := range all {
				if len(runs) != tc.kept {
					t.Errorf("tool %d: %d runs kept, want %d", i, len(runs), tc.kept)
				}
			}
			if !strings.Contains(out.String(), tc.says) {
				t.Errorf("output does not say %q:\n%s", tc.says, out.String())
			}
		})
	}
}
