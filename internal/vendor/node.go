package vendor

import "github.com/goccy/go-yaml/ast"

// nodeKind is what the decoder needs to know of a YAML node's type.
type nodeKind uint8

const (
	otherNode  nodeKind = iota // not a scalar, list or mapping (or no node at all)
	nullNode                   // null, ~ or nothing
	scalarNode                 // text, a number, a boolean: all read as text
	mapNode
	seqNode
)

// node is a YAML node as the decoder sees it: its kind, where it starts,
// and its text or children. Both the fast parser (fast.go) and the YAML
// library's tree (through fromAST) give one, so there is one decoder.
type node struct {
	kind  nodeKind
	at    place   // where the node starts, as nodePlace says
	text  string  // a scalarNode's text as written (so 1.10 stays 1.10)
	pairs []pair  // a mapNode's entries, in order
	items []*node // a seqNode's entries, in order
}

// pair is one mapping entry.
type pair struct {
	key   string
	keyOK keyState
	at    place // where the key starts; without a key, where the entry starts
	value *node
}

type keyState uint8

const (
	keyPlain     keyState = iota // a scalar key
	keyMissing                   // an entry without a key
	keyNotScalar                 // a key that is a list, a mapping or the like
)

// describe names a node's kind the way a contributor would.
func (n *node) describe() string {
	switch n.kind {
	case mapNode:
		return "a mapping"
	case seqNode:
		return "a list"
	case nullNode:
		return "empty"
	}
	return "a single value"
}

// count returns how many nodes and mapping entries the tree holds.
func (n *node) count() (nodes, pairs int) {
	nodes = 1
	for _, p := range n.pairs {
		c, k := p.value.count()
		nodes, pairs = nodes+c, pairs+k+1
	}
	for _, it := range n.items {
		c, k := it.count()
		nodes, pairs = nodes+c, pairs+k
	}
	return nodes, pairs
}

// fromAST turns the YAML library's tree into nodes.
func fromAST(n ast.Node) *node {
	if n == nil {
		return &node{kind: otherNode}
	}
	out := &node{at: nodePlace(n)}
	if ps, ok := pairs(n); ok {
		out.kind = mapNode
		out.pairs = make([]pair, len(ps))
		for i, p := range ps {
			out.pairs[i] = pairFromAST(p)
		}
		return out
	}
	switch n := n.(type) {
	case *ast.SequenceNode:
		out.kind = seqNode
		out.items = make([]*node, len(n.Values))
		for i, v := range n.Values {
			out.items[i] = fromAST(v)
		}
		return out
	case *ast.NullNode:
		out.kind = nullNode
		return out
	}
	if s, ok := scalar(n); ok {
		out.kind = scalarNode
		out.text = s
	}
	return out
}

func pairFromAST(p *ast.MappingValueNode) pair {
	out := pair{value: fromAST(p.Value)}
	if p.Key == nil {
		out.keyOK = keyMissing
		out.at = nodePlace(p)
		return out
	}
	out.at = tokPlace(p.Key.GetToken())
	key, ok := scalar(p.Key)
	if !ok {
		out.keyOK = keyNotScalar
		return out
	}
	out.key = key
	return out
}
