package export

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// ValidHost reports whether h may go into a hosts file: a domain name of at
// least two labels, each of 1 to 63 letters, digits and hyphens, not starting
// or ending with a hyphen, at most 253 characters, and not an IP address (the
// last label is not all digits). Anything else could add a line, block
// localhost or mean nothing to a resolver. Check it in lower case, without a
// trailing dot: see HostName.
func ValidHost(h string) bool {
	if len(h) == 0 || len(h) > 253 {
		return false
	}
	labels := strings.Split(h, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if len(l) == 0 || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for i := 0; i < len(l); i++ {
			c := l[i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
				return false
			}
		}
	}
	last := labels[len(labels)-1]
	return strings.Trim(last, "0123456789") != ""
}

// HostName returns the form of an endpoint host that goes into a hosts
// file, lower case without a trailing dot, and whether it is valid.
func HostName(h string) (string, bool) {
	h = strings.ToLower(strings.TrimSuffix(h, "."))
	return h, ValidHost(h)
}

// Hosts returns a hosts file that blocks every valid endpoint host of the
// records: a comment header naming each vendor that contributes a host,
// then one "0.0.0.0 host" line per host, deduplicated and sorted. Invalid
// hosts are left out; `atlas check` should reject them (see ValidHost).
func Hosts(records []*vendor.Record, meta Meta) []byte {
	return hostsFile("Telemetry Atlas: hosts that the products below send data to.", records, meta)
}

// VendorHosts returns the hosts file of one record, in the form of Hosts.
func VendorHosts(r *vendor.Record, meta Meta) []byte {
	return hostsFile("Telemetry Atlas: hosts that "+oneLine(r.Vendor+" "+r.Product)+" sends data to.",
		[]*vendor.Record{r}, meta)
}

func hostsFile(title string, records []*vendor.Record, meta Meta) []byte {
	type contrib struct {
		id, name string
		n        int
	}
	var vendors []contrib
	seen := map[string]bool{}
	var hosts []string
	left := 0
	for _, r := range records {
		own := map[string]bool{}
		for _, e := range r.Endpoints {
			h, ok := HostName(e.Host)
			if !ok {
				left++
				continue
			}
			if own[h] {
				continue
			}
			own[h] = true
			if !seen[h] {
				seen[h] = true
				hosts = append(hosts, h)
			}
		}
		if len(own) > 0 {
			vendors = append(vendors, contrib{id: r.ID, name: r.Vendor + " " + r.Product, n: len(own)})
		}
	}
	slices.Sort(hosts)
	slices.SortStableFunc(vendors, func(a, b contrib) int { return cmp.Compare(a.id, b.id) })

	var b strings.Builder
	line := func(s string) { b.WriteString("# " + oneLine(s) + "\n") }
	line(title)
	line("Blocking them stops the data from leaving, and may also stop features that need these hosts.")
	about := "Licence: " + License + "."
	if !meta.Generated.IsZero() {
		about = "Generated " + meta.Generated.String() + ". " + about
	}
	if meta.BaseURL != "" {
		about += " Source: " + strings.TrimSuffix(meta.BaseURL, "/") + "/api/"
	}
	line(about)
	if left > 0 {
		line(fmt.Sprintf("%d %s that %s not plain host names (wildcards, IP addresses) %s left out: block %s in a firewall.",
			left, plural(left, "endpoint", "endpoints"), plural(left, "is", "are"), plural(left, "is", "are"), plural(left, "it", "them")))
	}
	line("Vendors:")
	for _, v := range vendors {
		b.WriteString("#   " + oneLine(fmt.Sprintf("%s: %s (%d %s)", v.id, v.name, v.n, plural(v.n, "host", "hosts"))) + "\n")
	}
	b.WriteString("\n")
	for _, h := range hosts {
		b.WriteString("0.0.0.0 " + h + "\n")
	}
	return []byte(b.String())
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// oneLine makes text safe for a comment line: every control character or
// line or paragraph separator becomes a space, and runs of spaces collapse.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == 0x2028 || r == 0x2029
	}), " ")
}
