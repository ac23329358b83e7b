package course

// A Cache keeps documents parsed by an earlier build, so that a build
// parses only the files that changed since (internal/doccache keeps them in
// a file beside the site).
//
// Load calls Plan once, with every file it read, before anything else.
// Then, from several goroutines at once, it calls Get with the index of
// each file, and Put for each document it had to parse and that came out
// without a problem. A cache that is not sure of what it holds for a file
// says it has nothing: Get may only return what Parse would make of the
// file.
type Cache interface {
	Plan(files []SourceFile)
	Get(i int) *Doc
	Put(i int, d *Doc)
}
