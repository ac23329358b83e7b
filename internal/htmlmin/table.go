package htmlmin

// The traits below are copied, for the tags and attributes this package
// accepts, from tdewolff/minify v2.24.25 html/table.go:
//
//	Copyright (c) 2025 Taco de Wolff
//
//	Permission is hereby granted, free of charge, to any person obtaining a
//	copy of this software and associated documentation files (the
//	"Software"), to deal in the Software without restriction, including
//	without limitation the rights to use, copy, modify, merge, publish,
//	distribute, sublicense, and/or sell copies of the Software, and to permit
//	persons to whom the Software is furnished to do so, subject to the
//	following conditions:
//
//	The above copyright notice and this permission notice shall be included
//	in all copies or substantial portions of the Software.
//
//	THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS
//	OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
//	MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN
//	NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
//	DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
//	OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE
//	USE OR OTHER DEALINGS IN THE SOFTWARE.
//
// Only what changes the output under the publish options (KeepEndTags,
// KeepDocumentTags, KeepQuotes, KeepDefaultAttrVals) is kept: whether a
// tag is a block tag, an object tag or exactly a phrasing ("normal") tag,
// and whether an attribute is boolean, a URL or trimmed.

// tagKind is what a tag does to the whitespace around it.
type tagKind uint8

const (
	otherTag  tagKind = iota // neither: a, del, ins, label, script, ...
	normalTag                // tdewolff's traits == normalTag: keeps the space after an empty element
	blockTag                 // drops the whitespace around it
	objectTag                // keeps the whitespace after it
)

// tagID names the tags that some rule singles out.
type tagID uint8

const (
	plainTag tagID = iota
	tagA
	tagColgroup
	tagForm
	tagInput
	tagMeta
	tagMediaType // link, source, embed, object: their type is a media type
	tagOptgroup
	tagOption
	tagPre
	tagScript
	tagSelect
	tagTitle
)

type tagInfo struct {
	kind tagKind
	id   tagID
}

// lookupTag returns the traits of a lower-case tag name; ok is false for a
// tag this package does not handle: raw-text and foreign elements (style,
// textarea, iframe, svg, math, xmp, plaintext), template, and anything
// unknown.
func lookupTag(name []byte) (tagInfo, bool) {
	switch string(name) {
	case "a":
		return tagInfo{otherTag, tagA}, true
	case "del", "ins", "label":
		return tagInfo{otherTag, plainTag}, true
	case "abbr", "b", "body", "cite", "code", "data", "dfn", "em", "i", "kbd",
		"mark", "output", "picture", "s", "samp", "small", "span", "strong",
		"sub", "sup", "time", "u", "var":
		return tagInfo{normalTag, plainTag}, true
	case "link", "source":
		return tagInfo{normalTag, tagMediaType}, true
	case "meta":
		return tagInfo{normalTag, tagMeta}, true
	case "optgroup":
		return tagInfo{normalTag, tagOptgroup}, true
	case "address", "article", "aside", "blockquote", "br", "caption", "col",
		"dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure",
		"footer", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup",
		"hr", "html", "legend", "li", "main", "menu", "nav", "noscript", "ol", "p",
		"section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
		"tr", "ul":
		return tagInfo{blockTag, plainTag}, true
	case "colgroup":
		return tagInfo{blockTag, tagColgroup}, true
	case "form":
		return tagInfo{blockTag, tagForm}, true
	case "option":
		return tagInfo{blockTag, tagOption}, true
	case "pre":
		return tagInfo{blockTag, tagPre}, true
	case "title":
		return tagInfo{blockTag, tagTitle}, true
	case "button", "img", "meter", "progress", "q", "wbr":
		return tagInfo{objectTag, plainTag}, true
	case "input":
		return tagInfo{objectTag, tagInput}, true
	case "select":
		return tagInfo{objectTag, tagSelect}, true
	case "object":
		return tagInfo{objectTag, tagMediaType}, true
	case "embed":
		return tagInfo{normalTag, tagMediaType}, true
	case "script":
		return tagInfo{otherTag, tagScript}, true
	}
	return tagInfo{}, false
}

// attrTrait is how an attribute's value is minified.
type attrTrait uint8

const (
	plainAttr   attrTrait = iota // entities respelled, nothing else
	booleanAttr                  // written without its value
	urlAttr                      // trimmed, http(s) scheme lower-cased
	trimAttr                     // whitespace collapsed and trimmed
)

// attrID names the attributes that some rule singles out.
type attrID uint8

const (
	plainAttrID attrID = iota
	attrAccept         // accept, enctype, formenctype: a media type
	attrAction
	attrCharset
	attrClass // class, dir: dropped when empty
	attrContent
	attrHTTPEquiv
	attrID_
	attrName
	attrSrc
	attrType
	attrValue
)

type attrInfo struct {
	trait attrTrait
	id    attrID
}

// lookupAttr returns how a lower-case attribute name is treated; ok is
// false for style and event handlers (tdewolff runs the CSS and JS
// minifiers on them) and for names neither table knows.
func lookupAttr(name []byte) (attrInfo, bool) {
	switch string(name) {
	case "accept", "enctype", "formenctype":
		return attrInfo{trimAttr, attrAccept}, true
	case "charset":
		return attrInfo{trimAttr, attrCharset}, true
	case "class", "dir":
		return attrInfo{trimAttr, attrClass}, true
	case "http-equiv":
		return attrInfo{trimAttr, attrHTTPEquiv}, true
	case "type":
		return attrInfo{trimAttr, attrType}, true
	case "action":
		return attrInfo{urlAttr, attrAction}, true
	case "src":
		return attrInfo{urlAttr, attrSrc}, true
	case "content":
		return attrInfo{plainAttr, attrContent}, true
	case "id":
		return attrInfo{plainAttr, attrID_}, true
	case "name":
		return attrInfo{plainAttr, attrName}, true
	case "value":
		return attrInfo{plainAttr, attrValue}, true

	case "allowfullscreen", "async", "autofocus", "autoplay", "checked",
		"controls", "default", "defer", "disabled", "formnovalidate", "inert",
		"ismap", "itemscope", "loop", "multiple", "muted", "nomodule",
		"novalidate", "open", "playsinline", "readonly", "required", "reversed",
		"selected", "shadowrootdelegatesfocus":
		return attrInfo{booleanAttr, plainAttrID}, true
	case "cite", "data", "formaction", "href", "itemid", "poster", "profile",
		"xmlns":
		return attrInfo{urlAttr, plainAttrID}, true
	case "accept-charset", "accesskey", "allow", "as", "autocapitalize",
		"autocomplete", "blocking", "capture", "color", "cols", "colspan",
		"contenteditable", "coords", "crossorigin", "datetime", "decoding",
		"draggable", "enterkeyhint", "fetchpriority", "for", "form",
		"formmethod", "formtarget", "headers", "height", "hidden", "high",
		"hreflang", "imagesizes", "imagesrcset", "inputmode", "is", "itemprop",
		"itemref", "itemtype", "kind", "lang", "list", "loading", "low", "max",
		"maxlength", "media", "method", "min", "minlength", "optimum",
		"pattern", "ping", "popover", "popovertarget", "popovertargetaction",
		"preload", "referrerpolicy", "rel", "rows", "rowspan", "sandbox",
		"scope", "shadowrootmode", "shape", "size", "sizes", "span",
		"spellcheck", "srclang", "srcset", "start", "step", "tabindex", "target",
		"translate", "usemap", "width", "wrap":
		return attrInfo{trimAttr, plainAttrID}, true

	// Names tdewolff has no traits for and treats alike: their value only
	// has its entities respelled.
	case "alt", "title", "role", "placeholder", "label", "summary", "abbr",
		"align", "valign", "nonce", "integrity", "download", "slot", "part",
		"property", "about", "typeof", "resource", "prefix", "vocab", "rev",
		"datatype", "inlist":
		return attrInfo{plainAttr, plainAttrID}, true
	}
	// data-* and aria-*: no name in tdewolff's hash table has a hyphen
	// but accept-charset, amp-boilerplate and http-equiv, so these have
	// no traits either.
	if hasPrefix(name, "data-") || hasPrefix(name, "aria-") {
		return attrInfo{plainAttr, plainAttrID}, true
	}
	return attrInfo{}, false
}

func hasPrefix(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && string(b[:len(prefix)]) == prefix
}
