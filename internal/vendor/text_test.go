package vendor

import (
	"strings"
	"testing"
)

// TestText pins what text fields may and may not hold.
func TestText(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string // a part of the message, or "" for no problem
	}{
		{"Plain text, a < b and a -> b.", ""},
		{"Use `<key>` and ``a ` <b>`` in code spans.", ""},
		{"A [link](https://example.com) and [mail](mailto:a@example.com) and [here](#top) and [rel](/vendors/).", ""},
		{"Literal \\<b> is escaped.", ""},
		{"Not escaped \\\\<b>.", "raw HTML"},
		{"<b>bold</b>", "raw HTML"},
		{"an <!-- comment -->", "raw HTML"},
		{"a </p> closing tag", "raw HTML"},
		{"an autolink <https://example.com>", "raw HTML"},
		{"unclosed `code <b>", "raw HTML"},
		{"[x](javascript:alert(1))", `"javascript:"`},
		{"[x]( JavaScript:alert(1))", `"javascript:"`},
		{"[x](jav&#x61;script:alert(1))", `"javascript:"`},
		{"[x](java\\script:alert(1))", `"javascript:"`},
		{"[x](data:text/html,hi)", `"data:"`},
		{"[x][r]\n\n[r]: vbscript:msgbox", `"vbscript:"`},
		{"![tracker](https://example.com/pixel.png)", "images are not allowed"},
		{"![tracker][pixel]\n\n[pixel]: https://example.com/pixel.png", "images are not allowed"},
		{"Wow![1] and wow!", ""},
		{"![pixel]\n\n[pixel]: https://example.com/pixel.png", "images are not allowed"},
		{"a \u202e reversed", "U+202E"},
		{"a \u0007 bell", "U+0007"},
	} {
		d := &decoder{file: "vendors/x.yaml", vals: map[string]place{"summary": {3, 10}}, keys: map[string]place{}, renamed: map[string]bool{}}
		c := &checker{decoder: d}
		c.text("summary", tc.text)
		switch {
		case tc.want == "" && len(d.probs) > 0:
			t.Errorf("%q: unexpected %v", tc.text, d.probs)
		case tc.want != "" && (len(d.probs) != 1 || !strings.Contains(d.probs[0].Msg, tc.want)):
			t.Errorf("%q: got %v, want one problem containing %q", tc.text, d.probs, tc.want)
		}
	}
}
