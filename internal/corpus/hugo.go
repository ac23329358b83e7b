package corpus

// hugoFiles are the configuration and layouts of the Hugo site: the same two
// languages, highlighting with CSS classes (as atlas does), heading
// attributes, and pages with a title, a table of contents, the chapter and
// previous/next links, like atlas's chapter pages.
func hugoFiles() []File {
	return []File{
		{"hugo/config.toml", []byte(`baseURL = "https://atlas.test/"
title = "Synthetic Atlas"
defaultContentLanguage = "en"
disableKinds = ["taxonomy", "term"]

[languages.en]
contentDir = "content/en"
weight = 1
languageName = "English"

[languages.ru]
contentDir = "content/ru"
weight = 2
languageName = "Русский"

[markup.highlight]
noClasses = false

[markup.goldmark.parser.attribute]
title = true
`)},
		{"hugo/layouts/_default/baseof.html", []byte(`<!doctype html>
<html lang="{{ .Site.Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ .Site.Title }}</title>
<meta name="description" content="{{ .Summary | plainify }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}</head>
<body>
<header><a href="{{ "/" | relLangURL }}">{{ .Site.Title }}</a> <nav><a href="{{ "/course/" | relLangURL }}">Course</a></nav></header>
<main data-pagefind-body>
{{ block "main" . }}{{ end }}
</main>
<footer>{{ .Site.Title }}</footer>
</body>
</html>
`)},
		{"hugo/layouts/_default/single.html", []byte(`{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<p>{{ .ReadingTime }} min · {{ .Date.Format "2006-01-02" }}</p>
<nav class="toc">{{ .TableOfContents }}</nav>
{{ .Content }}
<nav class="prevnext">{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
</article>{{ end }}
`)},
		{"hugo/layouts/_default/list.html", []byte(`{{ define "main" }}<h1>{{ .Title }}</h1>
<ol>{{ range .Pages.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary | plainify }}</li>
{{ end }}</ol>{{ end }}
`)},
	}
}
