package htmlmin

import "fmt"

// Refusal says where Append gives up on src and what is there, or returns
// "" when it does not: the tests print it for the pages that fall back.
func Refusal(src []byte) string {
	m := minifier{src: src, omitSpace: true}
	if m.run() {
		return ""
	}
	return fmt.Sprintf("byte %d: %q", m.pos, src[m.pos:min(m.pos+80, len(src))])
}
