package highlight

import "github.com/alecthomas/chroma/v2"

// The words of chroma's bash rules, in the rules' order (bash_test.go
// checks them against the lexer).
var (
	bashKeywords = []string{"if", "fi", "else", "while", "do", "done", "for", "then", "return", "function",
		"case", "select", "continue", "until", "esac", "elif"}
	bashBuiltins = set("alias", "bg", "bind", "break", "builtin", "caller", "cd", "command", "compgen",
		"complete", "declare", "dirs", "disown", "echo", "enable", "eval", "exec", "exit", "export", "false",
		"fc", "fg", "getopts", "hash", "help", "history", "jobs", "kill", "let", "local", "logout", "popd",
		"printf", "pushd", "pwd", "read", "readonly", "set", "shift", "shopt", "source", "suspend", "test",
		"time", "times", "trap", "true", "type", "typeset", "ulimit", "umask", "unalias", "unset", "wait")
)

// scanBash tokenises code as chroma's bash lexer does, as long as the lexer
// stays in its root state. ok is false when the scanner gave up.
func scanBash(code []rune) (toks []chroma.Token, ok bool) {
	s := &scanner{t: code, toks: make([]chroma.Token, 0, len(code)/4+4)}
	for p := 0; p < len(s.t); {
		next := s.bashRoot(p)
		if s.giveUp || next <= p {
			return nil, false
		}
		p = next
	}
	return s.toks, true
}

// bashRoot matches the root state's rules at p (bash's "basic", a
// backtick, "data" and "interp", in that order) and returns the end of
// the match, or p when the scanner gives up.
func (s *scanner) bashRoot(p int) int {
	if q := s.bashBasic(p); q > p || s.giveUp {
		return q
	}
	if s.is(p, '`') { // pushes "backticks"
		return p
	}
	if q := s.bashData(p); q > p || s.giveUp {
		return q
	}
	return s.bashInterp(p)
}

// bashBasic is the "basic" state: keywords, builtins, comments, escapes,
// assignments and operators.
func (s *scanner) bashBasic(p int) int {
	c := s.t[p]
	// \b(if|fi|...)(\s*)\b. Every keyword and builtin starts with a
	// letter, so the boundary is a non-word before it (a non-ASCII rune
	// before anything else must not make the scanner give up).
	if s.letter(p) && !s.word(p-1) {
		for _, kw := range bashKeywords {
			if !s.hasPrefix(p, kw, false) {
				continue
			}
			q := p + len(kw)
			// \s* gives back spaces until a boundary follows: after
			// spaces only a word starts one, right after the keyword only
			// a non-word.
			if e := s.spaces(q); e > q && s.word(e) {
				s.emit(chroma.Keyword, p, q)
				s.emit(chroma.Text, q, e)
				return e
			}
			if !s.word(q) {
				s.emit(chroma.Keyword, p, q)
				return q
			}
		}
		// \b(alias|...)(?=[\s)`]): the builtin is the whole run of
		// letters, since what follows it is not a letter.
		if e := s.letters(p); e > p && e < len(s.t) && (s.space(e) || s.t[e] == ')' || s.t[e] == '`') &&
			bashBuiltins[string(s.t[p:e])] {
			s.emit(chroma.NameBuiltin, p, e)
			return e
		}
	}
	switch {
	case p == 0 && c == '#' && s.is(1, '!'): // \A#!.+\n
		if n := s.lineEnd(2); n > 2 && n < len(s.t) {
			s.emit(chroma.CommentPreproc, p, n+1)
			return n + 1
		}
	}
	switch c {
	case '#': // #.*(\S|$): the rest of the line
		e := s.lineEnd(p)
		s.emit(chroma.CommentSingle, p, e)
		return e
	case '\\': // \\[\w\W]
		if p+1 < len(s.t) {
			s.emit(chroma.LiteralStringEscape, p, p+2)
			return p + 2
		}
	}
	// (\b\w+)(\s*)(\+?=)
	if s.word(p) && !s.word(p-1) {
		w := s.words(p)
		e := s.spaces(w)
		op := 0
		if s.is(e, '+') && s.is(e+1, '=') {
			op = 2
		} else if s.is(e, '=') {
			op = 1
		}
		if op > 0 {
			s.emit(chroma.NameVariable, p, w)
			s.emit(chroma.Text, w, e)
			s.emit(chroma.Operator, e, e+op)
			return e + op
		}
	}
	switch c {
	case '[', ']', '{', '}', '(', ')', '=':
		s.emit(chroma.Operator, p, p+1)
		return p + 1
	case '<':
		if s.is(p+1, '<') { // <<< and heredocs
			s.giveUp = true
		}
	case '&', '|':
		if s.is(p+1, c) {
			s.emit(chroma.Operator, p, p+2)
			return p + 2
		}
	}
	return p
}

// bashData is the "data" state: strings, punctuation, spaces, numbers and
// words.
func (s *scanner) bashData(p int) int {
	c := s.t[p]
	switch c {
	case '"':
		return s.bashDouble(p)
	case '$':
		if s.is(p+1, '"') || s.is(p+1, '\'') {
			s.giveUp = true
			return p
		}
	case '\'': // (?s)'.*?'
		for j := p + 1; j < len(s.t); j++ {
			if s.t[j] == '\'' {
				s.emit(chroma.LiteralStringSingle, p, j+1)
				return j + 1
			}
		}
		s.giveUp = true // an error token
		return p
	case ';', '&', '|':
		s.emit(chroma.Punctuation, p, p+1)
		return p + 1
	}
	if s.space(p) { // \s+
		e := s.spaces(p)
		s.emit(chroma.Text, p, e)
		return e
	}
	if s.digit(p) { // \d+(?= |$)
		e := p
		for s.digit(e) {
			e++
		}
		if e == len(s.t) || s.t[e] == ' ' || s.t[e] == '\n' {
			s.emit(chroma.LiteralNumber, p, e)
			return e
		}
	}
	// [^=\s\[\]{}()$"\'`\\<&|;]+
	e := p
	for e < len(s.t) && s.ascii(e) && !isSpaceByte(byte(s.t[e])) && !isBashSpecial(s.t[e]) {
		e++
	}
	if s.giveUp {
		return p
	}
	if e > p {
		s.emit(chroma.Text, p, e)
		return e
	}
	if c == '<' {
		s.emit(chroma.Text, p, p+1)
		return p + 1
	}
	return p
}

// bashDouble matches a double-quoted string with no escapes and no
// expansions, which (?s)\$?"(\\\\|\\[0-7]+|\\.|[^"\\$])*" takes whole.
// Anything else in it pushes the "string" state: the scanner gives up.
func (s *scanner) bashDouble(p int) int {
	for j := p + 1; j < len(s.t); j++ {
		switch s.t[j] {
		case '"':
			s.emit(chroma.LiteralStringDouble, p, j+1)
			return j + 1
		case '\\', '$':
			s.giveUp = true
			return p
		}
	}
	s.giveUp = true
	return p
}

// bashInterp is the "interp" state: variables and a lone dollar.
func (s *scanner) bashInterp(p int) int {
	if s.t[p] != '$' {
		return p
	}
	switch {
	case s.is(p+1, '(') || s.is(p+1, '{'): // pushes "math", "paren" or "curly"
		s.giveUp = true
		return p
	case s.letter(p+1) || s.is(p+1, '_'): // \$[a-zA-Z_]\w*
		e := s.words(p + 2)
		s.emit(chroma.NameVariable, p, e)
		return e
	case s.digit(p + 1): // \$(?:\d+|...)
		e := p + 1
		for s.digit(e) {
			e++
		}
		s.emit(chroma.NameVariable, p, e)
		return e
	case p+1 < len(s.t) && isByteIn(s.t[p+1], "#$?!_*@-"):
		s.emit(chroma.NameVariable, p, p+2)
		return p + 2
	}
	if s.giveUp {
		return p
	}
	s.emit(chroma.Text, p, p+1) // \$
	return p + 1
}

// lineEnd returns the index of the next \n from i, or the end of the text.
func (s *scanner) lineEnd(i int) int {
	for i < len(s.t) && s.t[i] != '\n' {
		i++
	}
	return i
}

func isBashSpecial(r rune) bool {
	return isByteIn(r, "=[]{}()$\"'`\\<&|;")
}

// isByteIn reports whether r is one of the ASCII bytes of set.
func isByteIn(r rune, set string) bool {
	for i := 0; i < len(set); i++ {
		if r == rune(set[i]) {
			return true
		}
	}
	return false
}
