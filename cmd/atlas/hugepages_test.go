package main

import (
	"flag"
	"io"
	"strings"
	"testing"
	"testing/fstest"
)

// features is a sysfs features string with the given bits set.
func features(bits ...int) string {
	b := []byte(strings.Repeat("0", 64))
	for _, i := range bits {
		b[i] = '1'
	}
	return string(b) + "\n"
}

func TestFreePageReporting(t *testing.T) {
	dev := func(name, id, feat string) fstest.MapFS {
		return fstest.MapFS{
			"bus/virtio/devices/" + name + "/device":   {Data: []byte(id + "\n")},
			"bus/virtio/devices/" + name + "/features": {Data: []byte(feat)},
		}
	}
	join := func(fss ...fstest.MapFS) fstest.MapFS {
		all := fstest.MapFS{}
		for _, m := range fss {
			for k, v := range m {
				all[k] = v
			}
		}
		return all
	}
	// The balloon of the machine this was measured on, as its sysfs
	// shows it: bits 1 (statistics), 2 (deflate on out-of-memory), 5
	// (free page reporting), 7 and 32 (virtio 1.0).
	const firecracker = "0110010100000000000000000000000010000000000000000000000000000000\n"
	tests := []struct {
		name string
		sys  fstest.MapFS
		want bool
	}{
		{"no virtio bus", fstest.MapFS{}, false},
		{"a balloon that reports free pages", dev("virtio0", "0x0005", firecracker), true},
		{"among other devices", join(dev("virtio1", "0x0002", features(5)), dev("virtio0", "0x0005", features(1, 5))), true},
		{"a balloon without reporting", dev("virtio0", "0x0005", features(0, 1, 2)), false},
		{"the bit on another device", dev("virtio1", "0x0002", features(5)), false},
		{"features cut short", dev("virtio0", "0x0005", "01100\n"), false},
		{"no features file", fstest.MapFS{"bus/virtio/devices/virtio0/device": {Data: []byte("0x0005\n")}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := freePageReporting(tt.sys); got != tt.want {
				t.Errorf("freePageReporting = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestHugePagesFlag(t *testing.T) {
	tests := []struct {
		args      []string
		want      hugePages
		reclaimed bool
		advise    bool
		noted     bool // a note says why not
	}{
		{nil, hugePagesAuto, false, true, false},
		{nil, hugePagesAuto, true, false, true},
		{[]string{"--huge-pages=auto"}, hugePagesAuto, true, false, true},
		{[]string{"--huge-pages"}, hugePagesOn, true, true, false},
		{[]string{"--huge-pages=true"}, hugePagesOn, true, true, false},
		{[]string{"--huge-pages=false"}, hugePagesOff, false, false, false},
		{[]string{"--huge-pages=0"}, hugePagesOff, true, false, false},
	}
	for _, tt := range tests {
		fs := flag.NewFlagSet("build", flag.ContinueOnError)
		var h hugePages
		fs.Var(&h, "huge-pages", "")
		if err := fs.Parse(tt.args); err != nil {
			t.Fatalf("%v: %v", tt.args, err)
		}
		if h != tt.want {
			t.Errorf("%v: got %s, want %s", tt.args, &h, &tt.want)
		}
		asked := false
		advise, note := h.decide(func() bool { asked = true; return tt.reclaimed })
		if advise != tt.advise || (note != "") != tt.noted {
			t.Errorf("%v, host reclaims %v: decide = %v, %q; want %v and a note: %v", tt.args, tt.reclaimed, advise, note, tt.advise, tt.noted)
		}
		if asked != (h == hugePagesAuto) {
			t.Errorf("%v: asked the machine %v, want only when auto", tt.args, asked)
		}
	}
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var h hugePages
	fs.Var(&h, "huge-pages", "")
	if err := fs.Parse([]string{"--huge-pages=sometimes"}); err == nil || !strings.Contains(err.Error(), "auto, true or false") {
		t.Errorf("--huge-pages=sometimes: err = %v, want one that names the values", err)
	}
}
