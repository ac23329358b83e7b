package highlight

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/goccy/go-yaml"

	"github.com/telemetry-atlas/atlas/internal/corpus"
)

// fencedBlock finds fenced code blocks and their language in Markdown.
var fencedBlock = regexp.MustCompile("(?ms)^```([^\n`]*)\n(.*?)^```")

// block is one code block to highlight.
type block struct{ lang, code string }

// handBlocks are the edge cases of the scanners and the formatter: each
// rule of the bash and PowerShell lexers, what makes a scanner give up,
// escaping, line ends, and text that is not valid UTF-8.
var handBlocks = []block{
	{"bash", ""},
	{"bash", "\n"},
	{"bash", "echo hi"},
	{"bash", "echo hi\n\n\n"},
	{"bash", "#!/bin/sh\necho $HOME ${HOME} $(pwd) $((1+2)) $1 $? $# $- $$ $ x\n"},
	{"bash", "#!\n#!x"},
	{"bash", "if true; then echo ok; fi\nfor x in a b; do echo $x; done\ndo\ndo  \ndo-x done_ donex"},
	{"bash", "x=1 y+=2 z =3 w  += 4 9=1\nexport A=b\nls -la | grep -c x && y || z; a & b"},
	{"bash", "echo '<script>alert(1)</script>' \"a & b\" \"x\\\"y\" \"$x\" 'open"},
	{"bash", "cat <<EOF\nhi\nEOF\ncat <<< word\ncat < in > out 2>&1"},
	{"bash", "a\\\nb \\x \\"},
	{"bash", "[ -f x ] && { echo (x); } `date` 12 12x 1.2 3\n45"},
	{"bash", "# коммент\necho привет 'строка' \"строка\""},
	{"bash", "echo\tx\r\ny\rz\v\f"},
	{"bash", "time(x) echo) true`x` caller\ttype\n"},
	{"bash", "bad \xff\xfe bytes"},
	{"bash", "sudo nft add rule inet filter output ip daddr 203.0.113.7 drop\ncurl -s https://t1.example.com/ping | grep -c id\n"},
	{"sh", "echo hi"},
	{"nftables", "table inet f {\n  set s { type ipv4_addr; elements = { 1.2.3.4 } }\n}\n"},
	{"powershell", ""},
	{"powershell", "Set-ItemProperty -Path HKLM:\\SOFTWARE\\Policies\\Vendor1 -Name AllowTelemetry -Value 0\nGet-Service DiagTrack | Stop-Service\n"},
	{"powershell", "New-NetFirewallRule -DisplayName \"Atlas: block\" -Direction Outbound -RemoteAddress \"203.0.113.10\", \"198.51.100.0/24\" -Action Block"},
	{"powershell", "$x = 1; $env:Path; $env: $global:x @@a @b @(1) @{a=1} $(Get-Date) $false $FALSEy $null $true $truex $TRUE"},
	{"powershell", "function Foo { param([string]$a) }\nfilter x\nclass C : B {}\n#requires -Version 5\n<# block #>\n&lt;# x"},
	{"powershell", "# .synopsis\n##  .notes x\n# comment with . in it\nx # tail"},
	{"powershell", "'it''s' 'open''' '''' 'a' \"say \"\"hi\"\"\" \"a`nb\" \"$x\" \"open"},
	{"powershell", "@\"\nhere\n\"@\n@'\nhere\n'@"},
	{"powershell", "[int]$x [System.IO.File]::Exists('a') [a] [b] [ x] [[a]]"},
	{"powershell", "(Get-Item x).Length $a.b.c() $x.Count.ToString() 1.5 -1 +2 .5 1e5 1.5e10d 10kb 5MB 0x1F 1gb2 3.e 1.2.3"},
	{"powershell", "ls -la; cd ..; echo x; curl x; where x; r x; set-x; -eq -f -Force -and -notlike -x: -y:: a::b : ?x %y ?"},
	{"powershell", "if ($a -gt 1) { return } elseif else foreach($i in $l) {} try {} catch {} finally {}"},
	{"powershell", "Mandatory parametersetname ValueFromPipeline alias(x) CmdletBinding() dynamicparam global:x"},
	{"powershell", "`\" `$ `@ `- `x ~ ^ ! \\ / * =\x01"},
	{"powershell", "# Запретить\nWrite-Host 'привет' \"мир\" привет"},
	{"powershell", "a\r\nb\rc\t\v\f"},
	{"powershell", "bad \xff bytes"},
	{"ps1", "Get-Process"},
	{"text", "0.0.0.0 t1.example.com\n0.0.0.0 <b>&'\"\n"},
	{"hosts", "a\r\nb\rc\n\n"},
	{"", "plain & <simple>"},
	{"no-such-language", "a < b"},
	{"text", "bad \xff bytes\n"},
	{"text", strings.Repeat("x", 9000) + "\n" + strings.Repeat("y", 9000)},
	{"bash", strings.Repeat("x", 9000) + " " + strings.Repeat("y ", 5000)},
	{"powershell", "'" + strings.Repeat("z", 9000) + "' \"" + strings.Repeat("q", 9000) + "\""},
	{"powershell", strings.Repeat("1", 300) + "a " + strings.Repeat("2", 50) + "." + strings.Repeat("3", 50) + "e" + strings.Repeat("4", 50) + "kb."},
	{"js", "const a = 1; // <b>\n"},
	{"go", "package main\n\nfunc main() {}\n"},
}

// shippedBlocks returns the fenced code blocks of the repository's
// chapters and the snippets of its records.
func shippedBlocks(t testing.TB) []block {
	t.Helper()
	var out []block
	err := filepath.WalkDir(filepath.Join("..", "..", "content"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range fencedBlock.FindAllStringSubmatch(string(b), -1) {
			out = append(out, block{m[1], m[2]})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	records, err := filepath.Glob(filepath.Join("..", "..", "vendors", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range records {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, yamlSnippets(t, path, b)...)
	}
	if len(out) < 20 {
		t.Fatalf("found only %d shipped code blocks", len(out))
	}
	return out
}

// yamlSnippets returns the snippets of a record's controls.
func yamlSnippets(t testing.TB, path string, b []byte) []block {
	var rec struct {
		Controls []struct{ Snippet, Lang string }
	}
	if err := yaml.Unmarshal(b, &rec); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var out []block
	for _, c := range rec.Controls {
		if c.Snippet != "" {
			out = append(out, block{c.Lang, c.Snippet})
		}
	}
	return out
}

// corpusBlocks returns the code blocks of n synthetic chapters in both
// languages and the snippets of n synthetic records.
func corpusBlocks(t testing.TB, n int) []block {
	t.Helper()
	o := corpus.Options{Chapters: n, Records: n}
	var out []block
	for i := 0; i < n; i++ {
		for _, lang := range []string{"en", "ru"} {
			_, body := corpus.Chapter(o, i, lang)
			for _, m := range fencedBlock.FindAllStringSubmatch(body, -1) {
				out = append(out, block{m[1], m[2]})
			}
		}
		out = append(out, yamlSnippets(t, corpus.RecordID(i), []byte(corpus.Record(o, i)))...)
	}
	return out
}

// checkSame fails unless Write writes what chroma writes for b.
func checkSame(t *testing.T, h *Highlighter, b block) {
	t.Helper()
	var want, got strings.Builder
	if err := h.chromaWrite(&want, b.lang, b.code); err != nil {
		t.Fatal(err)
	}
	if err := h.Write(&got, b.lang, b.code); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("%s %q:\ngot  %s\nwant %s", b.lang, b.code, got.String(), want.String())
	}
}

func TestWriteIsChromas(t *testing.T) {
	h := New()
	for name, blocks := range map[string][]block{
		"hand":    handBlocks,
		"shipped": shippedBlocks(t),
		"corpus":  corpusBlocks(t, 300),
	} {
		t.Run(name, func(t *testing.T) {
			for _, b := range blocks {
				checkSame(t, h, b)
			}
		})
	}
}

// TestScannersTakeTheCorpus: the scanners must not give up on the shapes
// the corpus and the shipped content use, or highlighting is slow again.
func TestScannersTakeTheCorpus(t *testing.T) {
	h := New()
	blocks := append(corpusBlocks(t, 100), shippedBlocks(t)...)
	scanned := map[chroma.Lexer]int{}
	for _, b := range blocks {
		code := []rune(ensureLF(b.code))
		var ok bool
		switch lexer(b.lang) {
		case h.bash:
			_, ok = scanBash(code)
		case h.powerShell:
			_, ok = scanPowerShell(code)
		default:
			continue
		}
		if !ok && !strings.Contains(b.code, "<<") && !strings.Contains(b.code, "$") {
			t.Errorf("%s: the scanner gave up on %q", b.lang, b.code)
		}
		if ok {
			scanned[lexer(b.lang)]++
		}
	}
	if scanned[h.bash] < 50 || scanned[h.powerShell] < 20 {
		t.Errorf("scanned %d bash and %d PowerShell blocks", scanned[h.bash], scanned[h.powerShell])
	}
}

// TestScannersKnowTheRules: the scanners model chroma's bash and PowerShell
// rules as they are in this chroma version; an upgrade that changes them
// must fail here, not produce different HTML.
func TestScannersKnowTheRules(t *testing.T) {
	alt := func(words []string) string {
		q := make([]string, len(words))
		for i, w := range words {
			q[i] = regexp.QuoteMeta(w)
		}
		return "(" + strings.Join(q, "|") + ")"
	}
	rules := func(name string) map[string][]string {
		lx := lexers.Get(name).(*chroma.RegexLexer)
		rs, err := lx.Rules()
		if err != nil {
			t.Fatal(err)
		}
		out := map[string][]string{}
		for state, list := range rs {
			for _, r := range list {
				out[state] = append(out[state], r.Pattern)
			}
		}
		return out
	}
	bash := rules("bash")
	wantBash := map[string][]string{
		"root": {"", "`", "", ""},
		"basic": {`\b` + alt(bashKeywords) + `(\s*)\b`, "", `\A#!.+\n`, `#.*(\S|$)`, `\\[\w\W]`,
			`(\b\w+)(\s*)(\+?=)`, `[\[\]{}()=]`, `<<<`, `<<-?\s*(\'?)\\?(\w+)[\w\W]+?\2`, `&&|\|\|`},
		"data": {`(?s)\$?"(\\\\|\\[0-7]+|\\.|[^"\\$])*"`, `"`, `(?s)\$'(\\\\|\\[0-7]+|\\.|[^'\\])*'`,
			`(?s)'.*?'`, `;`, `&`, `\|`, `\s+`, `\d+(?= |$)`, "[^=\\s\\[\\]{}()$\"\\'`\\\\<&|;]+", `<`},
		"interp": {`\$\(\(`, `\$\(`, `\$\{#?`, `\$[a-zA-Z_]\w*`, `\$(?:\d+|[#$?!_*@-])`, `\$`},
	}
	for state, want := range wantBash {
		if got := bash[state]; strings.Join(got, "\n") != strings.Join(want, "\n") {
			// The builtins are a set here; compare them apart.
			if state != "basic" || len(got) != len(want) || !sameBuiltins(got[1]) ||
				strings.Join(append(got[:1:1], got[2:]...), "\n") != strings.Join(append(want[:1:1], want[2:]...), "\n") {
				t.Errorf("bash %s rules changed:\ngot  %q\nwant %q", state, got, want)
			}
		}
	}
	ps := rules("powershell")["root"]
	checks := map[int]string{
		17: alt(psBuiltins) + `\b`,
		19: alt(psAttributes) + `\b`,
		20: alt(psAttributes2) + `\b`,
		21: alt(psKeywords) + `\b`,
		22: "-" + alt(psOperators) + `\b`,
		23: alt(psAliasList) + `\s`,
		26: `(?<!\w)([-+]?(?:[0-9]+)?\.?[0-9]+(?:(?:e|E)[0-9]+)?(?:F|f|D|d|M|m)?)((?i:[kmgtp]b)?)\b`,
		28: `\w+`,
	}
	if len(ps) != 30 {
		t.Fatalf("PowerShell has %d root rules, want 30", len(ps))
	}
	for i, want := range checks {
		if ps[i] != want {
			t.Errorf("PowerShell root rule %d is\n%s\nwant\n%s", i, ps[i], want)
		}
	}
}

// sameBuiltins reports whether a bash builtin rule lists bashBuiltins.
func sameBuiltins(pattern string) bool {
	inner, ok := strings.CutPrefix(pattern, `\b(`)
	if !ok {
		return false
	}
	inner, ok = strings.CutSuffix(inner, ")(?=[\\s)`])")
	if !ok {
		return false
	}
	words := strings.Split(inner, "|")
	if len(words) != len(bashBuiltins) {
		return false
	}
	for _, w := range words {
		if !bashBuiltins[w] {
			return false
		}
	}
	return true
}

// fuzzLangs are the languages the fuzz target picks from; a selector past
// them uses the fuzzed language name itself.
var fuzzLangs = []string{"bash", "powershell", "text", "hosts", "", "nftables", "sh", "ps1", "PowerShell", " Bash "}

func FuzzWriteIsChromas(f *testing.F) {
	for i, b := range handBlocks {
		f.Add(uint8(i%len(fuzzLangs)), b.lang, b.code)
	}
	h := New()
	f.Fuzz(func(t *testing.T, sel uint8, lang, code string) {
		if int(sel) < len(fuzzLangs)*20 {
			lang = fuzzLangs[int(sel)%len(fuzzLangs)]
		}
		if lx := lexer(lang); lx != nil && lx != h.bash && lx != h.powerShell && lx != h.plain {
			return // the chroma path for other languages
		}
		checkSame(t, h, block{lang, code})
	})
}
