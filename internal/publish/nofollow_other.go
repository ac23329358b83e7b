//go:build !unix

package publish

// noFollow is 0 where open has no such flag; the inventory of a recycled
// tree removes links before any file is written.
const noFollow = 0
