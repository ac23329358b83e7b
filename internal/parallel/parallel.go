// Package parallel runs independent work on every CPU: chapters, pages,
// files. Results go into slots by index, so the output does not depend on
// which worker finished first.
package parallel

import (
	"runtime"
	"sync"
)

// Each calls fn(i) for every i in [0, n), on at most GOMAXPROCS goroutines,
// and returns when all calls have returned.
func Each(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := 0; i < n; i++ {
			fn(i)
		}
		return
	}
	var wg sync.WaitGroup
	work := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		work <- i
	}
	close(work)
	wg.Wait()
}
