package highlight

import (
	"unicode"

	"github.com/alecthomas/chroma/v2"
)

// The words of chroma's PowerShell rules, lower-cased, in the rules' order
// (powershell_test.go checks them against the lexer). The lexer is
// case-insensitive.
var (
	psBuiltins = []string{"parameter", "validatenotnullorempty", "validatescript", "validaterange",
		"validateset", "validaterange", "validatepattern", "validatelength", "validatecount",
		"validatenotnullorempty", "validatescript", "cmdletbinding", "alias"}
	psAttributes = []string{"mandatory", "parametersetname", "position", "helpmessage", "valuefrompipeline",
		"valuefrompipelinebypropertyname", "valuefromremainingarguments", "dontshow"}
	psAttributes2 = []string{"confirmimpact", "defaultparametersetname", "helpuri", "supportspaging",
		"supportsshouldprocess", "positionalbinding"}
	psKeywords = []string{"while", "until", "trap", "switch", "return", "ref", "process", "param", "parameter",
		"in", "if", "global:", "foreach", "for", "finally", "filter", "end", "elseif", "else", "dynamicparam",
		"do", "default", "continue", "break", "begin", "?", "%", "#script", "#private", "#local", "#global",
		"try", "catch", "throw"}
	psOperators = []string{"and", "as", "band", "bnot", "bor", "bxor", "casesensitive", "ccontains", "ceq",
		"cge", "cgt", "cle", "clike", "clt", "cmatch", "cne", "cnotcontains", "cnotlike", "cnotmatch",
		"contains", "creplace", "eq", "exact", "f", "file", "ge", "gt", "icontains", "ieq", "ige", "igt",
		"ile", "ilike", "ilt", "imatch", "ine", "inotcontains", "inotlike", "inotmatch", "ireplace", "is",
		"isnot", "le", "like", "lt", "match", "ne", "not", "notcontains", "notlike", "notmatch", "or",
		"regex", "replace", "wildcard"}
	psAliasList = []string{"ac", "asnp", "cat", "cd", "cfs", "chdir", "clc", "clear", "clhy", "cli", "clp",
		"cls", "clv", "cnsn", "compare", "copy", "cp", "cpi", "cpp", "curl", "cvpa", "dbp", "del", "diff",
		"dir", "dnsn", "ebp", "echo", "epal", "epcsv", "epsn", "erase", "etsn", "exsn", "fc", "fhx", "fl",
		"foreach", "ft", "fw", "gal", "gbp", "gc", "gci", "gcm", "gcs", "gdr", "ghy", "gi", "gjb", "gl", "gm",
		"gmo", "gp", "gps", "gpv", "group", "gsn", "gsnp", "gsv", "gu", "gv", "gwmi", "h", "history", "icm",
		"iex", "ihy", "ii", "ipal", "ipcsv", "ipmo", "ipsn", "irm", "ise", "iwmi", "iwr", "kill", "lp", "ls",
		"man", "md", "measure", "mi", "mount", "move", "mp", "mv", "nal", "ndr", "ni", "nmo", "npssc", "nsn",
		"nv", "ogv", "oh", "popd", "ps", "pushd", "pwd", "r", "rbp", "rcjb", "rcsn", "rd", "rdr", "ren", "ri",
		"rjb", "rm", "rmdir", "rmo", "rni", "rnp", "rp", "rsn", "rsnp", "rujb", "rv", "rvpa", "rwmi", "sajb",
		"sal", "saps", "sasv", "sbp", "sc", "select", "set", "shcm", "si", "sl", "sleep", "sls", "sort", "sp",
		"spjb", "spps", "spsv", "start", "sujb", "sv", "swmi", "tee", "trcm", "type", "wget", "where", "wjb",
		"write"}
	psAliases = set(psAliasList...)
	psScopes  = []string{"global", "script", "private", "env"}
)

// scanPowerShell tokenises code as chroma's PowerShell lexer does, as long
// as the lexer stays in its root and "child" states (a "child" state, after
// "(", tries ")" first and then the root rules, and in the root rules ")"
// is punctuation too, so the two give the same tokens). ok is false when
// the scanner gave up.
func scanPowerShell(code []rune) (toks []chroma.Token, ok bool) {
	s := &scanner{t: code, toks: make([]chroma.Token, 0, len(code)/4+4)}
	for p := 0; p < len(s.t); {
		next := s.psRoot(p)
		if s.giveUp || next <= p {
			return nil, false
		}
		p = next
	}
	return s.toks, true
}

// psRoot matches the root state's rules at p, in order, and returns the end
// of the match, or p when the scanner gives up.
func (s *scanner) psRoot(p int) int {
	if q := s.psPunctSpaceComment(p); q > p || s.giveUp {
		return q
	}
	if q := s.psQuoted(p); q > p || s.giveUp {
		return q
	}
	if q := s.psVariable(p); q > p || s.giveUp {
		return q
	}
	if q := s.psWords(p); q > p || s.giveUp {
		return q
	}
	if q := s.psBracketed(p); q > p || s.giveUp {
		return q
	}
	if q := s.psNumber(p); q > p || s.giveUp {
		return q
	}
	return s.psRest(p)
}

// psPunctSpaceComment: "(", spaces, comments, "[A-Z]:" and what must make
// the scanner give up ("#requires", comment-based help, "<#" block
// comments, here-strings).
func (s *scanner) psPunctSpaceComment(p int) int {
	c := s.t[p]
	switch {
	case c == '(': // \(, pushes "child"
		s.emit(chroma.Punctuation, p, p+1)
		return p + 1
	case s.space(p): // \s+
		e := s.spaces(p)
		s.emit(chroma.Text, p, e)
		return e
	case c == '#':
		if s.hasPrefix(p+1, "requires", true) {
			s.giveUp = true
			return p
		}
		if p == 0 || s.t[p-1] == '\n' { // ^(\s*#[#\s]*)(\.(?:component|...
			j := p + 1
			for s.is(j, '#') || j < len(s.t) && !unicode.IsLetter(s.t[j]) && s.space(j) {
				j++ // a letter is no \s, whatever the script
			}
			if s.is(j, '.') || s.giveUp {
				s.giveUp = true
				return p
			}
		}
		e := s.lineEnd(p) // #[^\n]*?$
		s.emit(chroma.Comment, p, e)
		return e
	case c == '<' && s.is(p+1, '#'), c == '&' && s.hasPrefix(p+1, "lt;#", true):
		s.giveUp = true // (&lt;|<)# pushes "multline"
		return p
	case s.letter(p) && s.is(p+1, ':'): // (?i)([A-Z]:)
		s.emit(chroma.Name, p, p+2)
		return p + 2
	case c == '@' && (s.is(p+1, '"') || s.is(p+1, '\'')): // here-strings
		s.giveUp = true
		return p
	case c == '@' && (s.is(p+1, '(') || s.is(p+1, '{')), c == '$' && s.is(p+1, '('):
		s.emit(chroma.NameVariableMagic, p, p+1) // @(?=\(|{)|\$(?=\()
		return p + 1
	case c == '`' && p+1 < len(s.t) && isByteIn(s.t[p+1], `'"$@-`):
		s.emit(chroma.Punctuation, p, p+2)
		return p + 2
	}
	return p
}

// psQuoted: double-quoted strings without escapes or expansions, and
// single-quoted strings.
func (s *scanner) psQuoted(p int) int {
	switch s.t[p] {
	case '"':
		return s.psDouble(p)
	case '\'': // '([^']|'')*'
		lastPair := -1
		for j := p + 1; j < len(s.t); j++ {
			if s.t[j] != '\'' {
				continue
			}
			if s.is(j+1, '\'') {
				lastPair = j
				j++
				continue
			}
			s.emit(chroma.LiteralStringSingle, p, j+1)
			return j + 1
		}
		if lastPair >= 0 { // backtracking: the last '' closes the string
			s.emit(chroma.LiteralStringSingle, p, lastPair+1)
			return lastPair + 1
		}
		s.giveUp = true // an error token
	}
	return p
}

// psDouble emits a double-quoted string the way the "string" state does,
// token by token: the quote, runs of [^$`"]+, "" and the closing quote. A
// $ or a backtick (expansions, escapes) makes the scanner give up.
func (s *scanner) psDouble(p int) int {
	s.emit(chroma.LiteralStringDouble, p, p+1)
	for j := p + 1; j < len(s.t); {
		switch s.t[j] {
		case '$', '`':
			s.giveUp = true
			return p
		case '"':
			if s.is(j+1, '"') {
				s.emit(chroma.LiteralStringDouble, j, j+2)
				j += 2
				continue
			}
			s.emit(chroma.LiteralStringDouble, j, j+1)
			return j + 1
		}
		e := j
		for e < len(s.t) && s.t[e] != '$' && s.t[e] != '`' && s.t[e] != '"' {
			e++
		}
		s.emit(chroma.LiteralStringDouble, j, e)
		j = e
	}
	s.giveUp = true // unterminated
	return p
}

// psVariable: function, filter, workflow, class and configuration
// declarations (the scanner gives up on them), $false, $null, $true and
// variables.
func (s *scanner) psVariable(p int) int {
	if s.letter(p) {
		for _, kw := range []string{"function", "filter", "workflow", "class", "configuration"} {
			if s.hasPrefix(p, kw, true) && (p == 0 || s.space(p-1)) {
				s.giveUp = true // (?<!\S)(function|...) and (?<!\S)(class|...)
				return p
			}
		}
		return p
	}
	prefix := 0
	switch {
	case s.is(p, '$'):
		prefix = 1
		// \$false|\$null|\$true(?=\b)
		switch {
		case s.hasPrefix(p+1, "false", true):
			s.emit(chroma.NameVariableMagic, p, p+6)
			return p + 6
		case s.hasPrefix(p+1, "null", true):
			s.emit(chroma.NameVariableMagic, p, p+5)
			return p + 5
		case s.hasPrefix(p+1, "true", true) && !s.word(p+5):
			s.emit(chroma.NameVariableMagic, p, p+5)
			return p + 5
		}
	case s.is(p, '@') && s.is(p+1, '@'):
		prefix = 2
	case s.is(p, '@'):
		prefix = 1
	default:
		return p
	}
	// (\$|@@|@)((global|script|private|env):)?\w+
	q := p + prefix
	for _, scope := range psScopes {
		if s.hasPrefix(q, scope, true) && s.is(q+len(scope), ':') && s.word(q+len(scope)+1) {
			e := s.words(q + len(scope) + 1)
			s.emit(chroma.NameVariable, p, e)
			return e
		}
	}
	if e := s.words(q); e > q {
		s.emit(chroma.NameVariable, p, e)
		return e
	}
	return p
}

// psWords: the word lists (builtins, attributes, keywords, operators,
// aliases) and cmdlet names.
func (s *scanner) psWords(p int) int {
	if e, ok := s.firstWithBoundary(p, psBuiltins, true); ok {
		s.emit(chroma.NameBuiltin, p, e)
		return e
	}
	// [a-z]\w*-[a-z]\w*\b: \w* cannot give back a character and still
	// be followed by "-" or a boundary.
	if s.letter(p) {
		if w := s.words(p + 1); s.is(w, '-') && s.letter(w+1) {
			e := s.words(w + 2)
			s.emit(chroma.NameBuiltin, p, e)
			return e
		}
	}
	for _, attrs := range [][]string{psAttributes, psAttributes2} {
		if e, ok := s.firstWithBoundary(p, attrs, true); ok {
			s.emit(chroma.NameAttribute, p, e)
			return e
		}
	}
	if e, ok := s.firstWithBoundary(p, psKeywords, true); ok {
		s.emit(chroma.Keyword, p, e)
		return e
	}
	if s.is(p, '-') {
		if e, ok := s.firstWithBoundary(p+1, psOperators, true); ok {
			s.emit(chroma.Operator, p, e)
			return e
		}
	}
	// (ac|asnp|...)\s: every alias is letters, so it is the whole run of
	// letters before the space.
	if e := s.letters(p); e > p && s.space(e) && psAliases[s.lowerWord(p, e)] {
		s.emit(chroma.NameBuiltin, p, e+1)
		return e + 1
	}
	return p
}

// psBracketed: type names, (\[)([a-z_\[][\w. `,\[\]]*)(\]), and
// properties, (?<!\[)(?<=\S[^\*|\n]\.)\w+(?=\s+|\(|\{|\.).
func (s *scanner) psBracketed(p int) int {
	if s.is(p, '[') && (s.letter(p+1) || s.is(p+1, '_') || s.is(p+1, '[')) {
		e := p + 2
		for e < len(s.t) && (s.word(e) || isByteIn(s.t[e], ". `,[]")) {
			e++
		}
		// The class takes "]" too: backtrack to the last one.
		for j := e - 1; j >= p+2; j-- {
			if s.t[j] == ']' {
				s.emit(chroma.Punctuation, p, p+1)
				s.emit(chroma.NameConstant, p+1, j)
				s.emit(chroma.Punctuation, j, j+1)
				return j + 1
			}
		}
		if s.giveUp {
			return p
		}
	}
	if p >= 3 && s.t[p-1] == '.' && !isByteIn(s.t[p-2], "*|\n") && s.word(p) && !s.space(p-3) {
		e := s.words(p)
		if e < len(s.t) && (s.space(e) || isByteIn(s.t[e], "({.")) {
			s.emit(chroma.NameProperty, p, e)
			return e
		}
	}
	return p
}

// psNumber is (?<!\w)([-+]?(?:[0-9]+)?\.?[0-9]+(?:(?:e|E)[0-9]+)?
// (?:F|f|D|d|M|m)?)((?i:[kmgtp]b)?)\b. Each part is a greedy quantifier
// over a class, so the nested loops below try the same choices in the same
// order as the backtracking matcher, and the first that ends on a word
// boundary is its match.
func (s *scanner) psNumber(p int) int {
	c := s.t[p]
	if !(c == '-' || c == '+' || c == '.' || '0' <= c && c <= '9') || s.word(p-1) {
		return p
	}
	if !s.numberCanEnd(p) {
		return p
	}
	signs := []int{0}
	if c == '-' || c == '+' {
		signs = []int{1, 0}
	}
	for _, sg := range signs {
		a0 := p + sg
		for a := s.digitsEnd(a0); a >= a0; a-- { // (?:[0-9]+)?
			for _, b0 := range s.optional(a, s.is(a, '.'), 1) { // \.?
				for b := s.digitsEnd(b0); b > b0; b-- { // [0-9]+
					for _, e := range s.exponents(b) {
						for _, f := range s.optional(e, e < len(s.t) && isByteIn(s.t[e], "FfDdMm"), 1) {
							unit := s.ascii0(f) && isByteIn(s.t[f], "kmgtpKMGTP") && s.ascii0(f+1) && isByteIn(s.t[f+1], "bB")
							for _, u := range s.optional(f, unit, 2) {
								if s.giveUp {
									return p
								}
								if s.boundary(u) {
									s.emit(chroma.LiteralNumberFloat, p, f)
									s.emit(chroma.Punctuation, f, u)
									return u
								}
							}
						}
					}
				}
			}
		}
	}
	return p
}

// numberCanEnd reports whether a number at p could end on a boundary: its
// last character is a word character, so a non-word must follow it, and
// everything it takes after p is in [0-9.eEfFdDmMkKgGtTpPbB]. A long run of
// digits followed by a letter is rejected here in linear time instead of
// the loops' quadratic.
func (s *scanner) numberCanEnd(p int) bool {
	for i := p + 1; ; i++ {
		if !s.ascii0(i) || !isByteIn(s.t[i], "0123456789.eEfFdDmMkKgGtTpPbB") {
			return !s.word(i) && !s.giveUp
		}
		if s.t[i] == '.' {
			return true
		}
	}
}

// psRest: -name parameters, \w+ and punctuation; any other character is
// an error token, as chroma emits when no rule matches.
func (s *scanner) psRest(p int) int {
	if s.is(p, '-') && (s.letter(p+1) || s.is(p+1, '_')) { // -[a-z_]\w*:*
		e := s.words(p + 2)
		for s.is(e, ':') {
			e++
		}
		s.emit(chroma.Name, p, e)
		return e
	}
	if e := s.words(p); e > p { // \w+
		s.emit(chroma.Name, p, e)
		return e
	}
	if s.giveUp || !s.ascii(p) {
		return p
	}
	switch {
	case s.is(p, ':') && s.is(p+1, ':'):
		s.emit(chroma.Punctuation, p, p+2)
		return p + 2
	case isByteIn(s.t[p], ".,;@{}[]$()=+*/\\&%!~?^`|<>-"):
		s.emit(chroma.Punctuation, p, p+1)
		return p + 1
	}
	s.emit(chroma.Error, p, p+1)
	return p + 1
}

// digitsEnd returns the end of the run of [0-9] from i.
func (s *scanner) digitsEnd(i int) int {
	for s.digit(i) {
		i++
	}
	return i
}

// ascii0 is ascii for an index that may be past the end.
func (s *scanner) ascii0(i int) bool {
	return i < len(s.t) && s.ascii(i)
}

// optional returns the positions a greedy optional part of length n at i
// leads to, in the order a backtracking matcher tries them.
func (s *scanner) optional(i int, present bool, n int) []int {
	if present {
		return []int{i + n, i}
	}
	return []int{i}
}

// exponents returns the positions (?:(?:e|E)[0-9]+)? at i leads to, in
// the order a backtracking matcher tries them.
func (s *scanner) exponents(i int) []int {
	var out []int
	if s.is(i, 'e') || s.is(i, 'E') {
		for e := s.digitsEnd(i + 1); e > i+1; e-- {
			out = append(out, e)
		}
	}
	return append(out, i)
}
