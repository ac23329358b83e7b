package vendor

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/scanner"
	"github.com/goccy/go-yaml/token"

	"github.com/telemetry-atlas/atlas/internal/diag"
	"github.com/telemetry-atlas/atlas/internal/parallel"
	"github.com/telemetry-atlas/atlas/internal/readahead"
)

// Limits on a record file. Records come from strangers; these keep a hostile
// file from costing more than a fraction of a second. A real record is a few
// kilobytes, a few hundred tokens and six levels deep.
const (
	MaxFileSize = 1 << 20 // bytes
	MaxTokens   = 10000   // YAML tokens in one file (a real record has under 1000)
	MaxDepth    = 16      // nesting of lists and mappings

	// maxProblems is how many problems one file reports before it says
	// how many more there are.
	maxProblems = 100
)

// SchemaLine is the first line of every record. It points editors that
// speak the YAML language server protocol (VS Code's YAML extension, among
// others) at vendors/schema.json.
const SchemaLine = "# yaml-language-server: $schema=schema.json"

// schemaLine also accepts a relative path to the schema, for records kept
// outside vendors/ such as the test corpus.
var schemaLine = regexp.MustCompile(`^# yaml-language-server: \$schema=([A-Za-z0-9._/-]*/)?schema\.json\s*$`)

// LoadDir reads every *.yaml file directly under dir in fsys (skipping
// schema.json and anything that is not YAML), decodes each strictly, checks
// it, and returns the good records sorted by id plus every problem of every
// file, sorted. File names in problems are path.Join(dir, name), such as
// "vendors/x.yaml". err is only for I/O failures. today is the build's
// clock: no date may be after it.
func LoadDir(fsys fs.FS, dir string, tx *Taxonomy, today Date, cache Cache) ([]*Record, diag.Problems, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, nil, fmt.Errorf("reading records: %w", err)
	}
	var (
		recs  []*Record
		probs diag.Problems
		files = map[string]string{} // id → file, to catch the same id twice
		todo  []loaded
	)
	for _, e := range entries {
		name := e.Name()
		file := path.Join(dir, name)
		ext := path.Ext(name)
		switch {
		case e.IsDir() || name == "schema.json" || strings.HasPrefix(name, "."):
			continue
		case ext == ".yml" || ext == ".YAML" || ext == ".YML":
			probs = append(probs, diag.Problem{File: file, Msg: fmt.Sprintf(
				"records end in .yaml; rename the file to %s.yaml", strings.TrimSuffix(name, ext))})
			continue
		case ext != ".yaml":
			continue
		}
		if !e.Type().IsRegular() {
			probs = append(probs, diag.Problem{File: file, Msg: "not a regular file; a record is a plain YAML file"})
			continue
		}
		todo = append(todo, loaded{file: file})
	}
	if err := readAll(fsys, todo); err != nil {
		return nil, nil, err
	}
	decodeAll(todo, tx, today, cache)
	for _, l := range todo {
		probs = append(probs, l.probs...)
		if l.rec == nil {
			continue
		}
		if other, dup := files[l.rec.ID]; dup {
			probs = append(probs, diag.Problem{File: l.file, Line: 1, Path: "id",
				Msg: fmt.Sprintf("id %q is already used by %s; every record needs its own id", l.rec.ID, other)})
			continue
		}
		files[l.rec.ID] = l.file
		recs = append(recs, l.rec)
	}
	sort.Slice(recs, func(i, j int) bool { return recs[i].ID < recs[j].ID })
	probs.Sort()
	return recs, probs, nil
}

// loaded is one record file, read and then decoded.
type loaded struct {
	file  string
	data  []byte
	rec   *Record
	probs diag.Problems
}

// decodeAll decodes and checks every file in parallel, bounded by the CPU
// count, taking from cache, when it is not nil, the records of files it
// decoded before; each result goes into its own slot, so the order is the
// input's.
func decodeAll(files []loaded, tx *Taxonomy, today Date, cache Cache) {
	if cache != nil {
		src := make([]SourceFile, len(files))
		for i, f := range files {
			src[i] = SourceFile{Name: f.file, Data: f.data}
		}
		cache.Plan(src, today)
	}
	var wg sync.WaitGroup
	work := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				if cache != nil {
					if r := cache.Get(i); r != nil {
						files[i].rec, files[i].data = r, nil
						continue
					}
				}
				files[i].rec, files[i].probs = Decode(files[i].file, files[i].data, tx, today)
				files[i].data = nil
				if cache != nil && files[i].rec != nil && len(files[i].probs) == 0 {
					cache.Put(i, files[i].rec)
				}
			}
		}()
	}
	for i := range files {
		work <- i
	}
	close(work)
	wg.Wait()
}

// readAll reads each file's data on every CPU, as course.Load reads the
// chapters beside it: with one reader for each, the load kept 1.45 – 1.5
// of two CPUs busy in a quarter of the builds measured, each open and read
// a system call that the other reader could not fill. The files are asked
// for all at once first (readahead), as the chapters are. The error is the
// first failure to read in the order of files.
func readAll(fsys fs.FS, files []loaded) error {
	errs := make([]error, len(files))
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.file
	}
	defer readahead.Start(fsys, names, MaxFileSize+1)()
	parallel.Each(len(files), func(i int) {
		files[i].data, errs[i] = readLimited(fsys, files[i].file)
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// readLimited reads at most MaxFileSize+1 bytes of file, so a huge file is
// refused without reading it all.
func readLimited(fsys fs.FS, file string) ([]byte, error) {
	f, err := fsys.Open(file)
	if err != nil {
		return nil, fmt.Errorf("reading record: %w", err)
	}
	defer f.Close()
	// Sized from the file's size when it has one, so that the buffer is
	// allocated once instead of grown from 512 bytes.
	size := 512
	if st, err := f.Stat(); err == nil && st.Size() >= 0 && st.Size() <= MaxFileSize {
		size = int(st.Size()) + 1 // +1 to see the end of file without growing
	}
	data := make([]byte, 0, size)
	r := io.LimitReader(f, MaxFileSize+1)
	for {
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, fmt.Errorf("reading record %s: %w", file, err)
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// Decode decodes and checks one file's bytes. file is the name used in
// problems (such as "vendors/x.yaml"); its base name must equal the id. The
// record is nil exactly when there are problems. A nil tx means the
// taxonomy shipped with the program; a zero today skips the future-date
// check.
func Decode(file string, data []byte, tx *Taxonomy, today Date) (*Record, diag.Problems) {
	// Where each value was is needed only to point at a problem: a record
	// without problems is decoded without noting it, and one with problems
	// is decoded again, noting it, for the same problems with their lines.
	rec, probs := decodeFile(&decoder{file: file, noPlaces: true}, data, tx, today)
	if len(probs) > 0 {
		return decodeFile(&decoder{file: file}, data, tx, today)
	}
	return rec, nil
}

// decodeFile is Decode with d, so that tests can turn off the fast parser.
func decodeFile(d *decoder, data []byte, tx *Taxonomy, today Date) (*Record, diag.Problems) {
	file := d.file
	if tx == nil {
		var err error
		if tx, err = LoadTaxonomy(); err != nil {
			return nil, diag.Problems{{File: file, Msg: err.Error()}}
		}
	}
	d.renamed = map[string]bool{}
	root := d.parse(data)
	if root == nil {
		d.probs.Sort()
		return nil, d.probs
	}
	// Sized once, rather than grown step by step: a path per value, a
	// path per key.
	values, keys := root.count()
	if !d.noPlaces {
		d.vals = make(map[string]place, values)
	}
	d.keys = make(map[string]place, keys)
	var rec Record
	d.decode("", root, reflect.ValueOf(&rec).Elem(), 0)
	c := &checker{decoder: d, tx: tx, today: today, rec: &rec}
	c.check()
	if len(d.probs) > 0 {
		d.probs.Sort()
		if n := len(d.probs); n > maxProblems {
			d.probs = append(d.probs[:maxProblems], diag.Problem{File: file,
				Msg: fmt.Sprintf("and %d more problems in this file; fix the ones above first", n-maxProblems)})
		}
		return nil, d.probs
	}
	return &rec, nil
}

// place is a line and column, 1-based.
type place struct{ line, col int }

// decoder turns a YAML tree into a Record, noting where each value and key
// was, so that later checks can point at them.
type decoder struct {
	file  string
	probs diag.Problems
	vals  map[string]place // path → where its value starts
	keys  map[string]place // path → where its key starts
	// renamed holds the fields an unknown key was probably meant to be.
	renamed map[string]bool
	// strictOnly turns off the fast parser, for tests that compare the two.
	strictOnly bool
	// noPlaces leaves vals empty: the problems then point at line 1.
	noPlaces bool
}

func (d *decoder) add(p place, fieldPath, msg string) {
	d.probs = append(d.probs, diag.Problem{File: d.file, Line: p.line, Col: p.col, Path: fieldPath, Msg: msg})
}

// parse refuses what a record never needs before handing the bytes to the
// YAML parser, and returns the document's root mapping, or nil.
func (d *decoder) parse(data []byte) *node {
	if len(data) > MaxFileSize {
		d.add(place{1, 1}, "", fmt.Sprintf("the file is over %d KiB; a record is a few kilobytes, split it or remove what is not a record", MaxFileSize>>10))
		return nil
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	// Windows and old Mac line ends become \n: lines keep their numbers.
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		d.add(placeAt(data, off), "", "the file is not valid UTF-8; save it as UTF-8 in your editor")
		return nil
	}
	if len(bytes.TrimSpace(data)) == 0 {
		d.add(place{1, 1}, "", "the file is empty; start from 'go run ./cmd/atlas new vendor <id>'")
		return nil
	}
	if first, _, _ := bytes.Cut(data, []byte("\n")); string(first) != SchemaLine && !schemaLine.Match(first) {
		d.add(place{1, 1}, "", "the first line must be '"+SchemaLine+"', so that editors check the record while you type; add it above the rest")
	}
	if bad := d.badCharacters(data); bad {
		return nil
	}
	if d.tabs(data) {
		return nil
	}
	if tooManyIndicators(data) {
		d.add(place{1, 1}, "", fmt.Sprintf("the file has over %d YAML tokens; a record needs far fewer", MaxTokens))
		return nil
	}
	if !d.strictOnly {
		if root, ok := fastParse(data); ok {
			return root
		}
	}
	toks, ok := tokenize(data)
	if !ok {
		d.add(place{1, 1}, "", fmt.Sprintf("the file has over %d YAML tokens; a record needs far fewer", MaxTokens))
		return nil
	}
	if !d.tokens(toks) {
		return nil
	}
	f, err := parser.Parse(toks, 0, parser.AllowDuplicateMapKey())
	if err != nil {
		d.syntax(err)
		return nil
	}
	var docs []*ast.DocumentNode
	for _, doc := range f.Docs {
		if doc != nil && doc.Body != nil {
			docs = append(docs, doc)
		}
	}
	if len(docs) == 0 {
		d.add(place{1, 1}, "", "the file has no fields; start from 'go run ./cmd/atlas new vendor <id>'")
		return nil
	}
	if len(docs) > 1 {
		d.add(nodePlace(docs[1].Body), "", "a second YAML document; a record file holds one record, so remove the '---' line and what follows")
		return nil
	}
	body := docs[0].Body
	if _, ok := pairs(body); !ok {
		d.add(nodePlace(body), "", fmt.Sprintf("the file is %s, but a record is a mapping of fields (id: …, vendor: …)", describe(body)))
		return nil
	}
	return fromAST(body)
}

// tooManyIndicators reports a file with far more flow and block indicators
// than tokens allowed. Every indicator below starts a token, unless it is
// inside quotes or a comment: far more of them than tokens allowed means far
// too many tokens, found without scanning a long line token by token.
func tooManyIndicators(data []byte) bool {
	if len(data) <= 4*MaxTokens {
		return false // every indicator is a byte
	}
	indicators := 0
	for i, c := range data {
		switch c {
		case ',', '[', ']', '{', '}':
			indicators++
		case '-', ':', '?':
			if i+1 < len(data) && data[i+1] == ' ' {
				indicators++
			}
		}
	}
	return indicators > 4*MaxTokens
}

// tokenize splits src into YAML tokens, giving up once there are more than
// MaxTokens.
func tokenize(data []byte) (token.Tokens, bool) {
	if tooManyIndicators(data) {
		return nil, false
	}
	var s scanner.Scanner
	s.Init(string(data))
	var toks token.Tokens
	for {
		sub, err := s.Scan()
		if err == io.EOF {
			return toks, true
		}
		toks.Add(sub...)
		if len(toks) > MaxTokens {
			return nil, false
		}
	}
}

// badCharacters reports control characters YAML does not allow and that
// would hide text from a reviewer.
func (d *decoder) badCharacters(data []byte) bool {
	found := false
	for off := 0; off < len(data); {
		if c := data[off]; c >= 0x20 && c < 0x7f {
			off++ // printable ASCII, most of any record
			continue
		}
		r, size := utf8.DecodeRune(data[off:])
		if (r < 0x20 && r != '\n' && r != '\r' && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			d.add(placeAt(data, off), "", fmt.Sprintf("control character U+%04X is not allowed in a record; delete it", r))
			found = true
			if len(d.probs) >= 20 {
				break
			}
		}
		off += size
	}
	return found
}

// tabs reports every line indented with a tab: YAML forbids them and they
// look like spaces in most editors.
func (d *decoder) tabs(data []byte) bool {
	found := false
	line := 1
	for rest := data; ; line++ {
		l, next, more := bytes.Cut(rest, []byte("\n"))
		for i, c := range l {
			if c == '\t' {
				d.add(place{line, i + 1}, "", "a tab in the indentation; YAML indents with spaces only, so replace it with spaces")
				found = true
				break
			}
			if c != ' ' {
				break
			}
		}
		if len(d.probs) >= 20 || !more {
			break
		}
		rest = next
	}
	return found
}

// tokens refuses anchors, aliases, tags and merge keys (a record never needs
// them, and refusing them rules out alias bombs), and nesting deeper than
// MaxDepth (the parser's time grows with the square of the depth).
func (d *decoder) tokens(toks token.Tokens) bool {
	ok := true
	flow := 0
	var block []int // columns of the open block collections
	for _, tk := range toks {
		p := tokPlace(tk)
		switch tk.Type {
		case token.AnchorType:
			d.add(p, "", "YAML anchors (&name) are not allowed in records; write the value out in full, or if this is text that starts with &, put it in quotes")
			ok = false
		case token.AliasType:
			d.add(p, "", "YAML aliases (*name) are not allowed in records; write the value out in full, or if this is text that starts with *, put it in quotes")
			ok = false
		case token.TagType:
			d.add(p, "", fmt.Sprintf("YAML tags (%s) are not allowed in records; remove it, or quote the value if it is text", clip(tk.Value)))
			ok = false
		case token.MergeKeyType:
			d.add(p, "", "YAML merge keys (<<) are not allowed in records; write the fields out in full")
			ok = false
		case token.InvalidType:
			// The parser reports these with its own message.
		case token.SequenceStartType, token.MappingStartType:
			flow++
		case token.SequenceEndType, token.MappingEndType:
			if flow > 0 {
				flow--
			}
		case token.SequenceEntryType, token.MappingValueType, token.MappingKeyType:
			if flow > 0 {
				break
			}
			col := p.col
			if tk.Type == token.MappingValueType && tk.Prev != nil && tk.Prev.Position != nil {
				col = tk.Prev.Position.Column
			}
			for len(block) > 0 && block[len(block)-1] > col {
				block = block[:len(block)-1]
			}
			if len(block) == 0 || block[len(block)-1] < col {
				block = append(block, col)
			}
		}
		if flow+len(block) > MaxDepth {
			d.add(p, "", fmt.Sprintf("lists and mappings are nested more than %d deep; a record needs far less", MaxDepth))
			return false
		}
		if len(d.probs) >= 20 {
			return false
		}
	}
	return ok
}

// syntax turns a parser error into a problem with its place and, for the
// common mistakes, a fix.
func (d *decoder) syntax(err error) {
	var ye interface {
		GetToken() *token.Token
		GetMessage() string
	}
	if !errors.As(err, &ye) {
		d.add(place{1, 1}, "", "YAML syntax: "+firstLine(err.Error()))
		return
	}
	p := tokPlace(ye.GetToken())
	msg := ye.GetMessage()
	switch {
	case strings.Contains(msg, "mapping value is not allowed"), strings.Contains(msg, "unexpected key name"):
		msg += `; check the indentation here and on the next lines, and put a value that contains ": " in quotes`
	case strings.Contains(msg, "value is not allowed in this context"):
		msg += `; check the indentation of this line, and put text that starts with [ { or " but goes on after it in quotes`
	case strings.Contains(msg, "non-map value"):
		msg += `; write a space after the colon (key: value)`
	case strings.Contains(msg, "could not find end character"), strings.Contains(msg, "not found"), strings.Contains(msg, "must be specified"):
		msg += "; close the quote or bracket that was opened"
	case strings.Contains(msg, "invalid key"):
		msg += "; a key must be a plain word such as summary"
	case strings.Contains(msg, "cannot start any token"), strings.Contains(msg, "reserved character"):
		msg += "; put text that starts with this character in quotes"
	case strings.Contains(msg, "header option"):
		msg += "; after | or > start the text on the next line, indented"
	}
	d.add(p, "", "YAML syntax: "+clip2(msg))
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return clip2(s)
}

func clip2(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

func placeAt(data []byte, off int) place {
	if off > len(data) {
		off = len(data)
	}
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return place{line, utf8.RuneCount(before[start:]) + 1}
}

func tokPlace(tk *token.Token) place {
	if tk == nil || tk.Position == nil {
		return place{}
	}
	return place{tk.Position.Line, tk.Position.Column}
}

// nodePlace is where a node starts: for a block mapping, its first key.
func nodePlace(n ast.Node) place {
	if n == nil {
		return place{}
	}
	if ps, ok := pairs(n); ok && len(ps) > 0 && ps[0].Key != nil {
		return tokPlace(ps[0].Key.GetToken())
	}
	if s, ok := n.(*ast.SequenceNode); ok && !s.IsFlowStyle && len(s.Values) > 0 {
		return tokPlace(s.Start)
	}
	return tokPlace(n.GetToken())
}

// pairs returns a mapping's key-value pairs; the parser gives a mapping of
// one pair as the pair itself.
func pairs(n ast.Node) ([]*ast.MappingValueNode, bool) {
	switch n := n.(type) {
	case *ast.MappingNode:
		return n.Values, true
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{n}, true
	}
	return nil, false
}

// describe names a node's kind the way a contributor would.
func describe(n ast.Node) string {
	switch n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.NullNode:
		return "empty"
	}
	return "a single value"
}

// scalar returns a scalar node's text as written (so on, yes, 1.10 and
// 2017-10-10 stay text), and whether the node is a scalar.
func scalar(n ast.Node) (string, bool) {
	switch n := n.(type) {
	case *ast.NullNode:
		return "", true
	case *ast.StringNode:
		return n.Value, true
	case *ast.LiteralNode:
		if n.Value == nil {
			return "", true
		}
		return n.Value.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		tk := n.GetToken()
		if tk == nil {
			return "", true
		}
		return tk.Value, true
	}
	return "", false
}

var dateType = reflect.TypeOf(Date{})

// yamlKey is a struct field's key in records.
func yamlKey(f reflect.StructField) string {
	tag := f.Tag.Get("yaml")
	if i := strings.IndexByte(tag, ','); i >= 0 {
		tag = tag[:i]
	}
	return tag
}

// structFields are a struct type's keys, in field order, and the field
// each key fills.
type structFields struct {
	keys  []string
	index map[string]int
}

func fieldsOf(t reflect.Type) *structFields {
	f := &structFields{keys: keysOf(t), index: map[string]int{}}
	for i := 0; i < t.NumField(); i++ {
		if k := yamlKey(t.Field(i)); k != "" && k != "-" {
			f.index[k] = i
		}
	}
	return f
}

// recordFields holds the fields of every struct type in a Record, worked
// out once rather than for every mapping of every record. It is never
// written after init.
var recordFields = fieldsTable(reflect.TypeOf(Record{}), map[reflect.Type]*structFields{})

func fieldsTable(t reflect.Type, table map[reflect.Type]*structFields) map[reflect.Type]*structFields {
	switch t.Kind() {
	case reflect.Slice, reflect.Map:
		return fieldsTable(t.Elem(), table)
	case reflect.Struct:
		if _, done := table[t]; done || t == dateType {
			return table
		}
		table[t] = fieldsOf(t)
		for i := 0; i < t.NumField(); i++ {
			fieldsTable(t.Field(i).Type, table)
		}
	}
	return table
}

func keysOf(t reflect.Type) []string {
	var ks []string
	for i := 0; i < t.NumField(); i++ {
		if k := yamlKey(t.Field(i)); k != "" && k != "-" {
			ks = append(ks, k)
		}
	}
	return ks
}

func join(parent, key string) string {
	if parent == "" {
		return key
	}
	return parent + "." + key
}

func index(parent string, i int) string { return parent + "[" + strconv.Itoa(i) + "]" }

// decode fills v from n, reporting every mismatch it can and carrying on.
// Its depth is bounded by the depth of the Go types, whatever the input.
func (d *decoder) decode(fp string, n *node, v reflect.Value, depth int) {
	if !d.noPlaces {
		d.vals[fp] = n.at
	}
	if depth > MaxDepth {
		return
	}
	if n.kind == nullNode {
		return // empty: the checks say whether that is allowed
	}
	t := v.Type()
	switch {
	case t == dateType:
		if n.kind != scalarNode {
			d.add(n.at, fp, fmt.Sprintf("expected a date like 2026-11-22, got %s", n.describe()))
			return
		}
		s := strings.TrimSpace(n.text)
		if s == "" {
			return // empty: the checks say whether that is allowed
		}
		date, err := ParseDate(s)
		if err != nil {
			d.add(n.at, fp, err.Error())
			return
		}
		v.Set(reflect.ValueOf(date))
	case t.Kind() == reflect.String:
		if n.kind != scalarNode {
			d.add(n.at, fp, fmt.Sprintf("expected text, got %s; if the text contains \": \" or starts with [ { - put it in quotes", n.describe()))
			return
		}
		v.SetString(n.text)
	case t.Kind() == reflect.Slice:
		if n.kind != seqNode {
			hint := `start each entry on its own line with "- "`
			if t.Elem().Kind() == reflect.String {
				hint = "write a list like [a, b], even for one value"
			}
			d.add(n.at, fp, fmt.Sprintf("expected a list, got %s; %s", n.describe(), hint))
			return
		}
		out := reflect.MakeSlice(t, len(n.items), len(n.items))
		for i, item := range n.items {
			d.decode(index(fp, i), item, out.Index(i), depth+1)
		}
		v.Set(out)
	case t.Kind() == reflect.Map:
		if n.kind != mapNode {
			d.add(n.at, fp, fmt.Sprintf("expected a mapping (ru: …), got %s", n.describe()))
			return
		}
		m := reflect.MakeMap(t)
		seen := map[string]place{}
		for i := range n.pairs {
			p := &n.pairs[i]
			if !d.key(fp, p, seen) {
				continue
			}
			elem := reflect.New(t.Elem()).Elem()
			kp := join(fp, p.key)
			d.decode(kp, p.value, elem, depth+1)
			d.keys[kp] = p.at
			m.SetMapIndex(reflect.ValueOf(p.key), elem)
		}
		v.Set(m)
	case t.Kind() == reflect.Struct:
		fields := recordFields[t]
		if fields == nil {
			fields = fieldsOf(t)
		}
		if n.kind != mapNode {
			d.add(n.at, fp, fmt.Sprintf("expected a mapping of fields (%s: …), got %s", fields.keys[0], n.describe()))
			return
		}
		seen := map[string]place{}
		for i := range n.pairs {
			p := &n.pairs[i]
			if !d.key(fp, p, seen) {
				continue
			}
			key := p.key
			i, known := fields.index[key]
			if !known {
				d.add(p.at, join(fp, key), unknownValueMax("field", key, fields.keys, "", 20))
				if s := suggest(key, fields.keys); s != "" {
					// The fix is a rename: do not also call the field missing.
					d.renamed[join(fp, s)] = true
				}
				continue
			}
			kp := join(fp, key)
			d.keys[kp] = p.at
			d.decode(kp, p.value, v.Field(i), depth+1)
		}
	default:
		d.add(n.at, fp, "internal: no decoding for "+t.String())
	}
}

// key checks a mapping key, refusing keys that are not plain text and keys
// given twice.
func (d *decoder) key(fp string, p *pair, seen map[string]place) bool {
	switch p.keyOK {
	case keyMissing:
		d.add(p.at, fp, "a mapping entry without a key")
		return false
	case keyNotScalar:
		d.add(p.at, fp, "a key must be a plain word such as summary")
		return false
	}
	if first, dup := seen[p.key]; dup {
		d.add(p.at, join(fp, p.key), fmt.Sprintf("duplicate key %q (first at line %d); keep one", clip(p.key), first.line))
		return false
	}
	seen[p.key] = p.at
	return true
}
