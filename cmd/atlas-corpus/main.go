// Command atlas-corpus writes a synthetic source tree for benchmarks: N
// chapters of about 8 KB (half English, half their Russian translations) and
// M records that pass atlas check, with the repository's templates and
// static files, and optionally the same chapters as a Hugo site under hugo/.
//
//	go run ./cmd/atlas-corpus --chapters 10000 --records 10000 --hugo --out .atlas-bench/corpus
//	go run ./cmd/atlas build --source .atlas-bench/corpus --today 2026-11-01 --stats
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/telemetry-atlas/atlas/internal/corpus"
)

func main() {
	var o corpus.Options
	flag.IntVar(&o.Chapters, "chapters", 1000, "chapter files in all, about half English and half Russian")
	flag.IntVar(&o.Records, "records", 1000, "vendor records")
	hugo := flag.Bool("hugo", false, "also write the chapters as a Hugo site under OUT/hugo/")
	out := flag.String("out", ".atlas-bench/corpus", "the directory to write; it must not exist")
	repo := flag.String("repo", ".", "the repository whose templates/ and static/ are copied")
	flag.Parse()
	if _, err := os.Stat(*out); err == nil {
		fmt.Fprintf(os.Stderr, "atlas-corpus: %s exists; remove it or choose another --out\n", *out)
		os.Exit(2)
	}
	if err := corpus.WriteDir(*out, o, *hugo, *repo); err != nil {
		fmt.Fprintf(os.Stderr, "atlas-corpus: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d chapters and %d records into %s (check with --today %s)\n", o.Chapters, o.Records, filepath.Clean(*out), corpus.Today)
}
