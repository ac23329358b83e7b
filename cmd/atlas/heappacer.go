package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// pacedShare is the heap's goal, in percent of the soft limit, that the
// heapPacer sets after each collection.
//
// Under a soft limit alone, the collector lets the heap grow right up to
// it (a build allocates much faster than it keeps), and the heap overshoots
// its goal while a collection marks: at 10,000 + 10,000 the heap went from
// 900 to 1,003 MB during the one collection that marks 642 MB. The runtime
// then keeps its memory under the limit by giving pages back to the system
// (MADV_DONTNEED, on the allocating goroutine), which the build faults in
// again moments later: 330 MB given back that way in one build, another
// 110 MB in the background. On a machine whose host takes freed memory
// back, every page faulted in again costs the host's fault as well: giving
// back took 3.4 % of a build's samples and page faults 7.6 % (perf).
//
// With the goal at three quarters of the limit, the overshoot and the
// spans freed but not yet reused fit under the limit, and the runtime
// gives back little: a fifth fewer page faults and a peak 30 MB lower
// (docs/performance.md, "The eighteenth pass").
const pacedShare = 75

// pacedGCMax and pacedGCMin bound the GOGC the pacer sets: at most the
// limited GOGC, and at least a quarter, so that a heap whose live data
// nears the target still grows between collections (the limit, not the
// pacer, stops it then).
const (
	pacedGCMax = limitedGCPercent
	pacedGCMin = 25
)

// A heapPacer sets GOGC after every collection so that the next one starts
// when the heap reaches target: GOGC is the heap's growth over what the
// last collection found live, in percent. It learns of each collection
// from the finalizer of an object it drops, as the runtime offers no
// other notice.
type heapPacer struct {
	target  uint64
	stopped atomic.Bool
	// last is the GOGC it last set, for tests; 0 before the first
	// collection.
	last atomic.Int64
}

// startHeapPacer starts a pacer that aims the heap's goal at target bytes.
func startHeapPacer(target uint64) *heapPacer {
	p := &heapPacer{target: target}
	p.arm()
	return p
}

// stop ends the pacing; the GOGC last set stays.
func (p *heapPacer) stop() { p.stopped.Store(true) }

// collectionNotice is the object whose finalizer runs after the
// collection that found it unreachable.
type collectionNotice struct{ p *heapPacer }

func (p *heapPacer) arm() {
	runtime.SetFinalizer(&collectionNotice{p}, func(n *collectionNotice) { n.p.collected() })
}

// collected runs on the finalizer goroutine after a collection.
func (p *heapPacer) collected() {
	if p.stopped.Load() {
		return
	}
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	if live[0].Value.Kind() == metrics.KindUint64 {
		percent := pacedGCPercent(p.target, live[0].Value.Uint64())
		debug.SetGCPercent(percent)
		p.last.Store(int64(percent))
	}
	p.arm()
}

// pacedGCPercent is the GOGC at which a heap with live bytes live after a
// collection next collects at target bytes, within the pacer's bounds.
func pacedGCPercent(target, live uint64) int {
	if live == 0 {
		return pacedGCMax
	}
	percent := int(target*100/live) - 100
	return max(pacedGCMin, min(pacedGCMax, percent))
}
