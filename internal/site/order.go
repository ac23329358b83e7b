package site

import (
	"slices"

	"github.com/telemetry-atlas/atlas/internal/publish"
)

// spread orders the files named by names (indexes into names, in their
// order within a directory) so that the files of each directory are
// spread evenly over the whole: the writer writes into one directory on
// one lane at a time (see publish.CreatedIn), so files that come one
// directory after another are written one after another, while files that
// come by turns from two directories are written two at a time. A
// directory's k-th file of n takes the place (k + ½) / n.
func spread(names []string) []int {
	type place struct{ k, n, i int }
	dirs := make([]string, len(names))
	count := map[string]int{}
	for i, name := range names {
		dirs[i] = publish.CreatedIn(name)
		count[dirs[i]]++
	}
	seen := make(map[string]int, len(count))
	places := make([]place, len(names))
	for i, dir := range dirs {
		places[i] = place{seen[dir], count[dir], i}
		seen[dir]++
	}
	// (2a.k+1)/2a.n against (2b.k+1)/2b.n, in integers; the earlier name
	// first when two places are the same.
	slices.SortStableFunc(places, func(a, b place) int {
		return (2*a.k+1)*b.n - (2*b.k+1)*a.n
	})
	order := make([]int, len(places))
	for j, p := range places {
		order[j] = p.i
	}
	return order
}
