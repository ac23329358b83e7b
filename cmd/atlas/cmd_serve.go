package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"time"

	"github.com/telemetry-atlas/atlas/internal/serve"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("serve", "atlas serve [--source DIR] [--port N]",
		"Build the site into memory, serve it on 127.0.0.1, rebuild when content/, vendors/,\n"+
			"templates/ or static/ change, and reload open pages. A failed build is shown in\n"+
			"the terminal and over the page, and the last good site stays served.", stderr)
	var f siteFlags
	f.register(fs, false)
	port := fs.Int("port", 1313, "the port on 127.0.0.1")
	if code, done := parse(fs, args); done {
		return code
	}
	if *port < 0 || *port > 65535 {
		fmt.Fprintf(stderr, "atlas serve: --port %d is not a port\n", *port)
		return exitUsage
	}
	opt, err := f.options()
	if err != nil {
		fmt.Fprintf(stderr, "atlas serve: %v\n", err)
		return exitUsage
	}
	if f.baseURL == "" {
		opt.BaseURL = "http://127.0.0.1:" + strconv.Itoa(*port) + "/"
	}
	srv := serve.New(opt, stdout)
	_ = srv.Rebuild() // problems are reported and shown in the browser

	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(*port)))
	if err != nil {
		fmt.Fprintf(stderr, "atlas serve: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "serving on http://%s/ — Ctrl-C to stop\n", ln.Addr())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = hs.Shutdown(shut)
	}()
	go func() {
		if err := srv.Watch(ctx, f.source); err != nil {
			fmt.Fprintf(stderr, "atlas serve: %v\n", err)
		}
	}()
	if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "atlas serve: %v\n", err)
		return exitContent
	}
	return exitOK
}
