package course

import (
	"strings"
	"testing"
)

// BenchmarkCollapse: the text of a section, Russian and English.
//
//	go test -run '^$' -bench Collapse ./internal/course/
func BenchmarkCollapse(b *testing.B) {
	src := []byte(strings.Repeat("Телеметрия отправляет идентификатор устройства.\n  Telemetry sends a device ID\twith every report. ", 200))
	b.SetBytes(int64(len(src)))
	var dst []byte
	for b.Loop() {
		dst, _ = collapse(dst[:0], src)
	}
}
