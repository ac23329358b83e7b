package htmlmin_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/telemetry-atlas/atlas/internal/htmlmin"
)

// cases are hand-written inputs, one or more per rule. For each, htmlmin
// must either give tdewolff's bytes (handled) or refuse.
var cases = []struct {
	name    string
	in      string
	handled bool
}{
	// doctype and comments
	{"doctype upper", "<!DOCTYPE html>\n<html><head></head><body></body></html>", true},
	{"doctype lower", "<!doctype html><p>x</p>", true},
	{"doctype other", "<!DOCTYPE html PUBLIC \"x\"><p>x</p>", false},
	{"comment dropped", "<p>a <!-- note --> b</p>", true},
	{"comment between blocks", "<div>\n<!-- x -->\n<p>a</p>\n</div>", true},
	{"comment dashes", "<p>a<!----->b<!-- - -- --->c</p>", true},
	{"comment bang end", "<p>a<!-- x --!> b</p>", true},
	{"comment unterminated", "<p>a<!-- x", false},
	{"bogus comment", "<p>a<!x>b</p>", false},
	{"cdata", "<p><![CDATA[x]]></p>", false},
	{"processing instruction", "<?xml version=\"1.0\"?><p>x</p>", false},

	// whitespace in text
	{"runs collapse", "<p>a  b \t c\t\td</p>", true},
	{"newline kept", "<p>a \n  b</p>", true},
	{"crlf", "<p>a\r\nb\r\n\r\nc</p>\r\n<p>d</p>", true},
	{"lone cr and tab", "<p>a\rb\tc\fd</p>", true},
	{"nbsp is not whitespace", "<p>a\u00a0 b \u00a0</p>\u00a0<p>\u00a0x</p>", true},
	{"leading and trailing", "  <p>  a  </p>  ", true},
	{"text at end", "<p>a</p> tail ", true},
	{"text at start", " head <p>a</p>", true},
	{"only whitespace", " \n\t ", true},
	{"around inline", "<p>a <em> b </em> c <strong>d</strong> e</p>", true},
	{"before block", "<div>a <div>b</div> c </div> d", true},
	{"after br", "<p>a <br> b<br/>c <br /> d</p>", true},
	{"end tag spaces", "<p>a</p >b</p\n>", true},
	{"end tag junk", "<p>a</p x>", false},
	{"end tag upper", "<p>a</P>", false},
	{"start tag upper", "<P>a</p>", false},
	{"inline end tags then block", "<div><span><em>a </em></span></div>", true},
	{"inline end tags then text", "<div><span><em>a </em></span> b</div>", true},
	{"whitespace token then block", "<div><span>a </span>\n \n</div>", true},
	{"lookahead past comments", "<div><span>a </span><!--x--><!--y--></div>", true},

	// empty phrasing elements keep the space after them
	{"empty span", "<p><span></span> a</p>", true},
	{"empty span attrs", "<p><span class=\"x\"></span> a</p>", true},
	{"empty a", "<p><a href=\"x\"></a> a</p>", true},
	{"empty label", "<p><label></label> a</p>", true},
	{"empty i end space", "<p><i></i >  a</p>", true},

	// pre keeps its text
	{"pre", "<div> <pre>  a\n\n  b  </pre> c </div>", true},
	{"pre chroma", "<pre tabindex=\"0\" class=\"chroma\"><code><span class=\"line\"><span class=\"cl\">  x  =  1\n</span></span></code></pre>\n<p>after</p>", true},
	{"pre entities", "<pre>&lt;b&gt; &amp;amp; &quot;</pre>", true},

	// entities
	{"entities text", "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;s&#39; &#60; &#x3C; &gt;</p>", true},
	{"escaped entity", "<p>&amp;lt; &amp;amp; &amp;#60; &amp; x &amp;</p>", true},
	{"named entities", "<p>&nbsp;&copy;&mdash;&hellip;&rarr;&laquo;&raquo;&AMP;&Tab;&NewLine;</p>", true},
	{"numeric entities", "<p>&#32;&#10; &#x20;&#160;&#xA0;&#8212;&#x2014;&#1;&#0;</p>", true},
	{"bad entities", "<p>&unknown; &; &# &#x; & amp; &ampx &amp</p>", true},
	{"entities attr", "<a href=\"/a?b=1&amp;c=2\" title=\"&lt;x&gt; &quot;q&quot;\">x</a>", true},
	{"entity quote attr", "<p title=\"a &quot;b&quot; 'c'\" class=\"&quot;\">x</p>", true},
	{"entity quote attr singles", "<p title=\"&quot;b&quot; 'c' 'd'\">x</p>", true},
	{"hostile script text", "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>", true},

	// attributes
	{"boolean", "<input type=\"checkbox\" checked=\"\" disabled>", true},
	{"boolean valued", "<input type=\"checkbox\" checked=\"checked\">", true},
	{"empty dropped", "<div class=\"\" id=\"\" dir=\"\" title=\"\">x</div>", true},
	{"empty name", "<input name=\"\" value=\"\">", true},
	{"empty form action", "<form action=\"\" method=\"get\"></form>", true},
	{"empty a action", "<button formaction=\"\">x</button>", true},
	{"trim class", "<div class=\"  a   b\n c  \">x</div>", true},
	{"trim rel tab", "<link rel=\"\tstylesheet \" href=\" /x.css \">", true},
	{"url scheme", "<a href=\"HTTPS://Example.org/A\">x</a><a href=\" Http://x.org/ \">y</a>", true},
	{"url scheme s", "<a href=\"httpS://x.org/\">x</a><a href=\"httP://x.org/\">y</a><a href=\"http://X.org/\">z</a>", true},
	{"url short", "<a href=\"HTTP:\">x</a><a href=\"HTTPS:\">y</a>", true},
	{"url data", "<img src=\"data:text/plain,x\" alt=\"\">", false},
	{"hidden", "<div hidden></div><div hidden=\"\"></div><div hidden=\"hidden\"></div>", true},
	{"value spaces kept", "<input value=\"  a  b  \">", true},
	{"no space between attrs", "<a href=\"x\"class=\"y\">z</a>", true},
	{"data and aria", "<div data-x=\" 1 \" aria-label=\"a  b\" role=\"region\">x</div>", true},
	{"self closing", "<img src=\"/a.png\" alt=\"a\"/><br/><hr />", true},
	{"attribute newlines", "<a\nhref=\"x\"\n\tclass=\"y\"\n>z</a>", true},
	{"link type", "<link rel=\"icon\" href=\"/f.svg\" type=\"Image/SVG+XML\">", true},
	{"a type", "<a href=\"x\" type=\"Text/HTML; Charset=UTF-8\">x</a>", true},
	{"input type", "<input type=\"TEXT\" value=\"\"><input type=\"radio\" value=\"ON\"><input type=\"Radio\" value=\"\"><input type=\"radio\" value=\"x\">", true},
	{"a id name", "<a id=\"x\" name=\"x\">a</a><a id=\"x\" name=\"y\">b</a>", true},
	{"duplicate attrs", "<a id=\"x\" name=\"y\" name=\"x\">a</a>", true},
	{"style attribute", "<p style=\"color:red\">x</p>", false},
	{"event attribute", "<p onclick=\"x()\">x</p>", false},
	{"unknown attribute", "<p foo=\"x\">x</p>", false},
	{"single quoted", "<p class='x'>x</p>", false},
	{"unquoted", "<p class=x>x</p>", false},
	{"spaced equals", "<p class = \"x\">x</p>", false},
	{"unterminated value", "<p class=\"x>x</p>", false},
	{"unterminated tag", "<p class=\"x\"", false},
	{"32 attributes", "<p" + strings.Repeat(" data-x=\"1\"", 32) + ">x</p>", true},
	{"33 attributes", "<p" + strings.Repeat(" data-x=\"1\"", 33) + ">x</p>", false},
	{"upper attribute", "<p CLASS=\"x\">x</p>", false},

	// meta
	{"meta viewport", "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1.0, maximum-scale=01.50\">", true},
	{"meta keywords", "<meta name=\" Keywords \" content=\"a, b,  c\">", true},
	{"meta charset", "<meta charset=\"utf-8\">", true},
	{"meta csp", "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; img-src 'self' data:\">", true},
	{"meta content type", "<meta http-equiv=\"content-type\" content=\"text/html; charset=utf-8\">", false},
	{"meta description", "<meta name=\"description\" content=\"a  &amp; b\">", true},

	// scripts and raw text
	{"script src", "<script src=\"/js/a.js\" defer></script>", true},
	{"script src charset", "<script src=\"/a.js\" charset=\"utf-8\"></script>", true},
	{"script empty dropped", "<p>a <script></script> b</p>", true},
	{"script inline", "<script>alert(1)</script>", false},
	{"script inline with src", "<script src=\"x\">alert(1)</script>", false},
	{"script void", "<script src=\"x\"/>", false},
	{"style element", "<style>p{}</style>", false},
	{"textarea", "<textarea> x </textarea>", false},
	{"iframe", "<iframe src=\"x\"></iframe>", false},
	{"svg", "<p><svg viewBox=\"0 0 1 1\"><path d=\"M0 0\"/></svg></p>", false},
	{"math", "<math><mi>x</mi></math>", false},
	{"template", "<template><p>x</p></template>", false},
	{"title", "<head><title>  A  &amp; B &lt;c&gt; </title></head>", true},
	{"title empty", "<title></title><title> </title>", true},
	{"title tag inside", "<title>a <b>c</b></title>", false},

	// select, option, colgroup
	{"select text skipped", "<select name=\"s\">\n  <option value=\"a\">A</option>\n  <option value=\"b\" selected>B</option>\n</select>", true},
	{"optgroup", "<select><optgroup label=\"g\"> x <option>a</option> y </optgroup> z </select>", true},
	{"colgroup", "<table><colgroup><col span=\"2\"></colgroup><colgroup class=\"c\"><col></colgroup><tr><td>x</td></tr></table>", true},

	// stray markup
	{"stray lt", "<p>a < b</p>", false},
	{"stray lt end", "<p>a</p><", false},
	{"empty end tag", "<p>a</></p>", false},
	{"unknown tag", "<p><blink>x</blink></p>", false},
	{"custom element", "<my-el>x</my-el>", false},
	{"gt in text", "<p>a > b >> c</p>", true},
	{"gt in attr", "<p title=\"a > b <c>\">x</p>", true},
	{"nul in text", "<p>a\x00b</p>", true},
	{"empty", "", true},
	{"utf-8 bom", "\ufeff<p>x</p>", true},
	{"invalid utf-8", "<p>\xff\xfe a  b</p>", true},
}

func TestCases(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := []byte(c.in)
			want := reference(t, bytes.Clone(src))
			got, ok := htmlmin.Append(nil, src)
			if string(src) != c.in {
				t.Fatalf("Append changed its input to %q", src)
			}
			if ok != c.handled {
				t.Fatalf("ok = %v, want %v (%s)", ok, c.handled, htmlmin.Refusal(src))
			}
			if ok && !bytes.Equal(got, want) {
				t.Errorf("minified\n%q\n got %q\nwant %q", c.in, got, want)
			}
		})
	}
}

// TestLookAhead checks the limit of tdewolff's look-ahead: the space after
// a text is dropped before a block tag up to 101 tokens ahead and kept
// past that.
func TestLookAhead(t *testing.T) {
	for _, n := range []int{1, 49, 50, 51, 98, 99, 100, 101, 102, 150} {
		for _, filler := range []string{"</span>", "<!---->", "</em> "} {
			src := "<div>" + strings.Repeat("<span>", n) + "a " + strings.Repeat(filler, n) + "</div> <p> b </p>"
			want := reference(t, []byte(src))
			got, ok := htmlmin.Append(nil, []byte(src))
			if !ok {
				t.Fatalf("%d × %s: refused: %s", n, filler, htmlmin.Refusal([]byte(src)))
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%d × %s:\n got %q\nwant %q", n, filler, got, want)
			}
		}
	}
}

// FuzzAppend checks that whatever htmlmin accepts it minifies as tdewolff
// does.
//
//	go test -fuzz FuzzAppend -fuzztime 3m ./internal/htmlmin/
func FuzzAppend(f *testing.F) {
	for _, c := range cases {
		f.Add([]byte(c.in))
	}
	if !testing.Short() {
		for _, files := range []map[string][]byte{shippedPages(f)} {
			for _, name := range []string{"index.html", "vendors/index.html", "course/index.html", "404.html"} {
				if src, ok := files[name]; ok {
					f.Add(src)
				}
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		orig := bytes.Clone(src)
		got, ok := htmlmin.Append(nil, src)
		if !bytes.Equal(src, orig) {
			t.Fatalf("Append changed its input")
		}
		if !ok {
			return
		}
		if want := reference(t, bytes.Clone(src)); !bytes.Equal(got, want) {
			t.Fatalf("minified %q\n got %q\nwant %q", src, got, want)
		}
	})
}
