package site

// searchIndex builds the search index of every language; see
// internal/search for the format.
func (b *builder) searchIndex() error {
	return nil
}
