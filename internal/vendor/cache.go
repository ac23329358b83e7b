package vendor

// SourceFile is one record file as read from the disk.
type SourceFile struct {
	Name string // path relative to the source root, e.g. vendors/x.yaml
	Data []byte
}

// A Cache keeps records decoded and checked by an earlier build, so that a
// build decodes only the files that changed (internal/doccache keeps them
// beside the site).
//
// LoadDir calls Plan once, with every file it read and the day the records
// are checked against (a record that passed on one day may not on
// another), before anything else. Then, from several goroutines at once, it
// calls Get with the index of each file, and Put for each record that came
// out without a problem. Get may only return what Decode would make of
// the file on that day. What the records are checked against is not
// part of what a cache knows: use one only with the taxonomy built into
// the program (LoadTaxonomy), which changes only with the program.
type Cache interface {
	Plan(files []SourceFile, today Date)
	Get(i int) *Record
	Put(i int, r *Record)
}
