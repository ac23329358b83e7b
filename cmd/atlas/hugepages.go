package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"strconv"
)

// hugePages is --huge-pages: whether a build asks for transparent huge
// pages for its heap (hugepages_linux.go). Left at auto, it asks unless
// the machine's memory is taken back by its host as it is freed.
type hugePages int

const (
	hugePagesAuto hugePages = iota
	hugePagesOn
	hugePagesOff
)

func (h *hugePages) String() string {
	switch *h {
	case hugePagesOn:
		return "true"
	case hugePagesOff:
		return "false"
	}
	return "auto"
}

func (h *hugePages) Set(s string) error {
	if s == "auto" {
		*h = hugePagesAuto
		return nil
	}
	on, err := strconv.ParseBool(s)
	if err != nil {
		return fmt.Errorf("want auto, true or false")
	}
	*h = hugePagesOff
	if on {
		*h = hugePagesOn
	}
	return nil
}

// IsBoolFlag lets --huge-pages stand alone for --huge-pages=true.
func (h *hugePages) IsBoolFlag() bool { return true }

// decide reports whether to ask for huge pages, and when not, why, for
// --stats. reclaimed is whether the host takes freed memory back
// (freePageReporting), asked only when it matters.
func (h hugePages) decide(reclaimed func() bool) (bool, string) {
	switch h {
	case hugePagesOn:
		return true, ""
	case hugePagesOff:
		return false, ""
	}
	if reclaimed() {
		return false, "huge pages not advised: the host takes back the memory this virtual machine frees " +
			"(virtio-balloon free page reporting), and a 2 MiB page faulted in from it costs more than " +
			"512 small ones (--huge-pages asks for them all the same)"
	}
	return true, ""
}

// virtioBalloon is the virtio device id of a memory balloon, and
// balloonReporting the feature bit by which its driver hands free memory
// back to the host (VIRTIO_BALLOON_F_REPORTING, in the Linux and virtio
// specifications).
const (
	virtioBalloon    = "0x0005"
	balloonReporting = 5
)

// freePageReporting reports whether the kernel whose sysfs is sys hands
// the memory it frees back to its host, through a virtio balloon that
// negotiated free page reporting. The kernel reports free blocks of 2 MiB
// and more a couple of seconds after they are freed, and the host drops
// what backs them, so such a block, which is what a huge page takes, is
// faulted in again from the host page by page the next time it is used.
// Small pages are taken from smaller free blocks first, which are never
// reported.
// Measured on such a machine (docs/performance.md, "The thirteenth
// pass"): touching fresh memory cost 2.7 – 3.6 ms per MiB in huge pages
// against 0.5 ms in small ones, and a build's CPU time was lower without
// them.
func freePageReporting(sys fs.FS) bool {
	devices, err := fs.ReadDir(sys, "bus/virtio/devices")
	if err != nil {
		return false
	}
	for _, d := range devices {
		dir := path.Join("bus/virtio/devices", d.Name())
		id, err := fs.ReadFile(sys, path.Join(dir, "device"))
		if err != nil || string(bytes.TrimSpace(id)) != virtioBalloon {
			continue
		}
		// One character per feature bit, the negotiated ones '1'.
		bits, err := fs.ReadFile(sys, path.Join(dir, "features"))
		if err == nil && len(bits) > balloonReporting && bits[balloonReporting] == '1' {
			return true
		}
	}
	return false
}
