package site

import (
	"slices"
	"testing"
)

func TestSpread(t *testing.T) {
	for _, tc := range []struct {
		name  string
		names []string
		want  []string
	}{
		{name: "nothing"},
		{
			name:  "one directory keeps its order",
			names: []string{"a/1", "a/2", "a/3"},
			want:  []string{"a/1", "a/2", "a/3"},
		},
		{
			name:  "two directories by turns, each spread over the whole",
			names: []string{"a/1", "a/2", "a/3", "a/4", "b/1", "b/2"},
			want:  []string{"a/1", "b/1", "a/2", "a/3", "b/2", "a/4"},
		},
		{
			name: "pages count in the directory their directory is made in",
			names: []string{
				"ru/vendors/x/index.html", "ru/vendors/y/index.html",
				"vendors/x/index.html", "vendors/y/index.html",
			},
			want: []string{
				"ru/vendors/x/index.html", "vendors/x/index.html",
				"ru/vendors/y/index.html", "vendors/y/index.html",
			},
		},
		{
			name:  "a page's own directory is another directory; ties keep their order",
			names: []string{"vendors/x/index.html", "vendors/x/a.json", "vendors/x/b.json", "vendors/y/index.html"},
			want:  []string{"vendors/x/index.html", "vendors/x/a.json", "vendors/x/b.json", "vendors/y/index.html"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, i := range spread(tc.names) {
				got = append(got, tc.names[i])
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("spread(%q)\n got %q\nwant %q", tc.names, got, tc.want)
			}
		})
	}
}
