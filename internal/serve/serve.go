// Package serve is the preview server: it builds the site into memory,
// serves it on 127.0.0.1, watches the sources, rebuilds on change and tells
// open pages to reload over server-sent events. The reload script is added
// to pages as they are served, so it never reaches a built site.
package serve

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/telemetry-atlas/atlas/internal/build"
	"github.com/telemetry-atlas/atlas/internal/publish"
	"github.com/telemetry-atlas/atlas/internal/site"
)

// prefix is where the server's own files live; no site path starts with it.
const prefix = "/_atlas/"

// Server serves the last good build and pushes reloads.
type Server struct {
	opt build.Options
	log io.Writer

	mu      sync.RWMutex
	files   publish.Files
	in      *site.Input // the content files was rendered from, for incremental rebuilds
	lastErr string      // the problems of the last build, "" when it succeeded
	version int         // bumped on every build, good or bad
	good    int         // bumped when a good build's files replace the served ones
	// failed is the file whose edit the last incremental rebuild refused
	// for its problems, "" after any other build. Its next save is tried
	// incrementally again: the rest of the site is still files and in.
	failed string

	// refresh is the whole build that follows incremental ones once the
	// sources are quiet, to bring the search index up to date.
	refreshMu sync.Mutex
	refresh   *time.Timer

	clientsMu sync.Mutex
	clients   map[chan event]bool
}

type event struct {
	name, data string
}

// New returns a server for the site built with opt; log receives build
// reports.
func New(opt build.Options, log io.Writer) *Server {
	opt.KeepInput = true
	return &Server{opt: opt, log: log, clients: map[chan event]bool{}}
}

// Rebuild builds the site. On success the new files are served and pages
// reload; on failure the last good site stays served and pages show the
// problems in an overlay.
func (s *Server) Rebuild() error {
	start := time.Now()
	res, err := build.Run(s.opt)
	s.mu.Lock()
	s.version++
	if err != nil {
		msg := err.Error()
		if res != nil && len(res.Problems) > 0 {
			msg = res.Problems.Error()
		}
		s.lastErr, s.failed = msg, ""
		s.mu.Unlock()
		fmt.Fprintf(s.log, "build failed; still serving the last good site:\n%s\n", msg)
		s.broadcast(event{"problems", msg})
		return err
	}
	s.files = res.Files
	s.in = res.Input
	s.lastErr, s.failed = "", ""
	s.good++
	s.mu.Unlock()
	fmt.Fprintf(s.log, "built %d pages in %s\n", res.Stats.Pages, time.Since(start).Round(time.Millisecond))
	s.broadcast(event{"reload", ""})
	return nil
}

func (s *Server) broadcast(e event) {
	s.clientsMu.Lock()
	defer s.clientsMu.Unlock()
	for c := range s.clients {
		select {
		case c <- e:
		default: // a slow client misses one event; the next will do
		}
	}
}

// ServeHTTP serves the site from memory.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case prefix + "events":
		s.events(w, r)
		return
	case prefix + "reload.js":
		w.Header().Set("Content-Type", "application/javascript; charset=utf-8")
		io.WriteString(w, reloadJS)
		return
	case prefix + "reload.css":
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		io.WriteString(w, reloadCSS)
		return
	}
	s.mu.RLock()
	files, version := s.files, s.good
	s.mu.RUnlock()
	if files == nil {
		http.Error(w, "the site has not built yet: see the terminal", http.StatusServiceUnavailable)
		return
	}
	serveFile(w, r, files, func(page []byte) []byte { return injectReload(page, version) })
}

// Static serves a built site from memory as a static host would: a file,
// the index of a directory, or the 404 page of the path's language. Tests
// use it to load a build in a browser without writing it to disk.
func Static(files publish.Files) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		serveFile(w, r, files, nil)
	})
}

// serveFile writes the file a request asks for; edit, when not nil,
// changes HTML pages on their way out.
func serveFile(w http.ResponseWriter, r *http.Request, files publish.Files, edit func([]byte) []byte) {
	data, status, name := Resolve(files, r.URL.Path)
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	if strings.HasSuffix(name, ".xml") {
		ctype = "application/xml; charset=utf-8"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	if edit != nil && strings.HasSuffix(name, ".html") {
		data = edit(data)
	}
	w.WriteHeader(status)
	if r.Method == http.MethodGet {
		w.Write(data)
	}
}

// Resolve finds the file that answers a URL path, with the HTTP status and
// the file's name: the file itself, the index of a directory, or the 404
// page of the path's language.
func Resolve(files publish.Files, urlPath string) ([]byte, int, string) {
	name := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	if strings.HasSuffix(urlPath, "/") && name != "" {
		name += "/"
	}
	return lookup(files, name)
}

// lookup finds the file for a request path: the file itself, the index of a
// directory, or the 404 page of the path's language.
func lookup(files publish.Files, name string) ([]byte, int, string) {
	candidates := []string{name}
	if name == "" || strings.HasSuffix(name, "/") {
		candidates = []string{name + "index.html"}
	} else if path.Ext(name) == "" {
		candidates = append(candidates, name+"/index.html")
	}
	for _, c := range candidates {
		if data, ok := files[c]; ok {
			return data, http.StatusOK, c
		}
	}
	notFound := "404.html"
	if lang, _, ok := strings.Cut(name, "/"); ok {
		if _, exists := files[lang+"/404.html"]; exists {
			notFound = lang + "/404.html"
		}
	}
	return files[notFound], http.StatusNotFound, notFound
}

// injectReload adds the reload script to a served page, before </head>,
// with the version of the build the page comes from: a build that ends
// while the page is loading, before its event stream is open, still
// reloads it (see events).
func injectReload(page []byte, version int) []byte {
	tag := []byte(`<script src="` + prefix + `reload.js?v=` + strconv.Itoa(version) + `" defer></script>`)
	i := bytes.Index(page, []byte("</head>"))
	if i < 0 {
		return append(append([]byte{}, page...), tag...)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

// events streams reload and problem events to one page.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	c := make(chan event, 4)
	s.clientsMu.Lock()
	s.clients[c] = true
	s.clientsMu.Unlock()
	defer func() {
		s.clientsMu.Lock()
		delete(s.clients, c)
		s.clientsMu.Unlock()
	}()
	s.mu.RLock()
	lastErr, good := s.lastErr, s.good
	s.mu.RUnlock()
	// The page says which good build it came from (?v=); a page from an
	// older one missed a reload while it loaded, so it reloads now.
	served, err := strconv.Atoi(r.URL.Query().Get("v"))
	switch {
	case lastErr != "":
		writeEvent(w, event{"problems", lastErr})
	case err == nil && served < good:
		writeEvent(w, event{"reload", ""})
	default:
		writeEvent(w, event{"hello", ""})
	}
	flusher.Flush()
	keepAlive := time.NewTicker(20 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case e := <-c:
			writeEvent(w, e)
			flusher.Flush()
		case <-keepAlive.C:
			io.WriteString(w, ": keep-alive\n\n")
			flusher.Flush()
		}
	}
}

func writeEvent(w io.Writer, e event) {
	fmt.Fprintf(w, "event: %s\n", e.name)
	for _, line := range strings.Split(e.data, "\n") {
		fmt.Fprintf(w, "data: %s\n", line)
	}
	io.WriteString(w, "\n")
}

// reloadJS reloads the page after a good build and shows the problems of a
// bad one in an overlay, built with DOM methods and textContent only.
const reloadJS = `(function () {
  var v = new URL(document.currentScript.src).searchParams.get("v") || "";
  var es = new EventSource("` + prefix + `events?v=" + encodeURIComponent(v));
  var overlay = null;
  function show(text) {
    if (!overlay) {
      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = "` + prefix + `reload.css";
      document.head.appendChild(css);
      overlay = document.createElement("div");
      overlay.className = "atlas-overlay";
      overlay.setAttribute("role", "alert");
      var h = document.createElement("strong");
      h.textContent = "Build failed; showing the last good site.";
      var pre = document.createElement("pre");
      overlay.appendChild(h);
      overlay.appendChild(pre);
      document.body.appendChild(overlay);
    }
    overlay.lastChild.textContent = text;
  }
  es.addEventListener("reload", function (e) {
    // An incremental rebuild names the pages it made; a whole build, none.
    var paths = e.data ? e.data.split("\n") : [];
    if (paths.length === 0 || paths.indexOf(location.pathname) >= 0) location.reload();
  });
  es.addEventListener("problems", function (e) { show(e.data); });
})();
`

const reloadCSS = `.atlas-overlay{position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:1000;background:#2b0b0b;color:#ffd7d7;border-top:4px solid #ff6b6b;padding:1rem;font:14px/1.5 ui-monospace,monospace}
.atlas-overlay pre{white-space:pre-wrap;margin:.5rem 0 0;border:0;background:none;color:inherit}
`
