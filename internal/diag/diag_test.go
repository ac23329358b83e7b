package diag

import "testing"

func TestFormats(t *testing.T) {
	tests := []struct {
		p            Problem
		text, github string
	}{
		{Problem{File: "vendors/x.yaml", Line: 14, Col: 7, Path: "collects[1].category", Msg: `unknown category "identifers"`},
			`vendors/x.yaml:14:7: collects[1].category: unknown category "identifers"`,
			`::error file=vendors/x.yaml,line=14,col=7::collects[1].category: unknown category "identifers"`},
		{Problem{File: "content/en/course/a.md", Msg: "too big"},
			"content/en/course/a.md: too big", "::error file=content/en/course/a.md::too big"},
		{Problem{File: "a,b:c.yaml", Line: 2, Msg: "50% done\nnext line"},
			"a,b:c.yaml:2: 50% done\nnext line", "::error file=a%2Cb%3Ac.yaml,line=2::50%25 done%0Anext line"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.text {
			t.Errorf("String() = %q, want %q", got, tt.text)
		}
		if got := tt.p.GitHub(); got != tt.github {
			t.Errorf("GitHub() = %q, want %q", got, tt.github)
		}
	}
}

func TestSortIsByPlace(t *testing.T) {
	ps := Problems{
		{File: "b.yaml", Line: 1, Msg: "x"},
		{File: "a.yaml", Line: 10, Col: 2, Msg: "y"},
		{File: "a.yaml", Line: 2, Col: 5, Msg: "z"},
		{File: "a.yaml", Line: 10, Col: 1, Msg: "w"},
	}
	ps.Sort()
	want := []string{"a.yaml:2:5: z", "a.yaml:10:1: w", "a.yaml:10:2: y", "b.yaml:1: x"}
	for i, p := range ps {
		if p.String() != want[i] {
			t.Fatalf("sorted[%d] = %q, want %q", i, p.String(), want[i])
		}
	}
}
