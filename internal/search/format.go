package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"strconv"
	"strings"
)

// formatVersion is written into the manifest; the client refuses nothing, it
// is for people reading the files.
const formatVersion = 1

// manifest is the one small file a client loads first. See the package
// documentation for the meaning of each field.
type manifest struct {
	Version int    `json:"v"`
	Lang    string `json:"lang"`
	// N is the number of documents; Avg the mean length of the title,
	// headings and body fields in indexed words; FW the field weights; K1 and
	// B the BM25 parameters. The posting scores already include them: the
	// client only sums; they are here so that the scores can be explained.
	N     int        `json:"n"`
	Avg   [3]float64 `json:"avg"`
	FW    [3]float64 `json:"fw"`
	K1    float64    `json:"k1"`
	B     float64    `json:"b"`
	Scale int        `json:"scale"`
	// Shards maps a shard key (a word prefix) to the content hash of its file.
	Shards map[string]string `json:"s"`
	// Fragment file n holds documents n×DocGroup to n×DocGroup+DocGroup-1;
	// all fragment files share one content hash, DocHash: scores change
	// with every document anyway, and one hash keeps the manifest small.
	DocGroup int    `json:"dg"`
	DocHash  string `json:"dh"`
	// Facets maps a facet ("type", "kind", "platform", "category") and a
	// value to the content hash of the value's document bitset.
	Facets map[string]map[string]string `json:"f"`
}

// shardFile is one term shard.
type shardFile struct {
	// Words maps a surface word to [index into Stems, variant bit]; the bit
	// is -1 for a variant that has no bit (a stem has at most maxVariantBits).
	Words map[string][2]int `json:"w"`
	Stems []shardStem       `json:"s"`
}

// shardStem is written as [stem, variants, postings] (by builder.stemEntry). Postings are flat:
// doc-id delta, score and, when variants > 1, the mask of the variants the
// document contains.
type shardStem struct {
	Stem     string
	Variants int
	Postings []int
}

func (s *shardStem) UnmarshalJSON(b []byte) error {
	var raw []json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	if len(raw) != 3 {
		return fmt.Errorf("shard stem: want 3 elements, have %d", len(raw))
	}
	if err := json.Unmarshal(raw[0], &s.Stem); err != nil {
		return err
	}
	if err := json.Unmarshal(raw[1], &s.Variants); err != nil {
		return err
	}
	return json.Unmarshal(raw[2], &s.Postings)
}

// stride is the number of integers per posting.
func (s shardStem) stride() int {
	if s.Variants > 1 {
		return 3
	}
	return 2
}

// marshal is json.Marshal without HTML escaping and without the trailing
// newline: smaller files, and the output is never inlined into HTML.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// contentHash is the fingerprint in a file name: only a change of the
// bytes has to change it, so CRC-32C (Castagnoli, done by the CPU) serves;
// SHA-256 of every fragment was 0.8 s of a 10,000 + 10,000 build.
func contentHash(b []byte) string {
	return hashString(crc32.Checksum(b, castagnoli))
}

// castagnoli is the CRC-32C table; the standard library makes it once.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// hashString is the fingerprint of a checksum.
func hashString(sum uint32) string {
	return fmt.Sprintf("%08x", sum)
}

// fileKey turns a shard key or a facet value into a file-name part: ASCII
// letters and digits stay, every other character becomes _<hex code point>.
// search.js has the same function.
func fileKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			continue
		}
		b.WriteByte('_')
		b.WriteString(strconv.FormatInt(int64(r), 16))
	}
	return b.String()
}

// Paths of the files relative to the language directory ("search/<lang>/").
func manifestPath(hash string) string { return "manifest." + hash + ".json" }
func shardPath(key, hash string) string {
	return "t/" + fileKey(key) + "." + hash + ".json"
}
func fragPath(n int, hash string) string { return "d/" + strconv.Itoa(n) + "." + hash + ".json" }
func facetPath(facet, value, hash string) string {
	return "f/" + fileKey(facet) + "-" + fileKey(value) + "." + hash + ".json"
}
