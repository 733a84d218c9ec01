// Package yamldoc reads and writes the YAML of woot's account set-up
// files (woot config export, diff and apply).
//
// It exists because go.yaml.in/yaml/v3 does work as the program starts:
// its package init compiles regular expressions and fills lookup maps, and
// every woot command paid for that (about 15 page faults, 2.5% of `woot
// --version`) although few ever read YAML. This package does nothing at
// init: its lookups are switch statements and its messages constants.
//
// The reader takes the YAML people write by hand and gives the trees and
// values yaml.v3 gives, lines and columns included: block mappings and
// sequences (a sequence may sit at its key's indentation), explicit
// "? key" entries, flow collections over several lines, plain, single-
// and double-quoted scalars with their folding and escapes, literal and
// folded block scalars with chomping and indentation indicators, comments,
// multi-document streams with --- and ..., anchors and aliases, the merge
// key <<, tags (!!str, !!int, !!float, !!bool, !!null, !!timestamp,
// !!binary, !!map, !!seq, local !tags), %YAML 1.1 and 1.2 directives,
// CRLF line ends and a byte order mark. Decode resolves plain scalars as
// yaml.v3 does for an `any`: YAML 1.2's core schema with yaml.v3's
// additions (0x, 0o, 0b and 1.1 octals, underscores between digits,
// timestamps, uint64 past int64); yes, on and y stay strings.
//
// It rejects, naming the line: %TAG directives, named tag handles and
// verbatim tags, lists or mappings used as keys, entries without a key,
// explicit keys inside flow collections, tabs in indentation, control
// characters and invalid UTF-8. Where it reads YAML that yaml.v3 rejects
// (or the other way round), the tests list the case and why.
//
// The writer produces what yaml.v3's encoder with SetIndent(2) writes,
// byte for byte, for block mappings and sequences of scalars (any tag, in
// plain, quoted or literal style), empty collections, anchors and aliases.
// It writes no flow collections and no folded scalars.
package yamldoc

import "strconv"

// Kind says what a node is.
type Kind int

// The kinds of node.
const (
	DocumentNode Kind = iota + 1
	SequenceNode
	MappingNode
	ScalarNode
	AliasNode
)

// Style records how a node was written, and asks the writer for a style.
type Style int

// The styles, as bits.
const (
	TaggedStyle Style = 1 << iota // the tag was written explicitly
	DoubleQuotedStyle
	SingleQuotedStyle
	LiteralStyle
	FoldedStyle
	FlowStyle
)

// Node is one node of a YAML document, as yaml.v3's Node is.
type Node struct {
	Kind  Kind
	Style Style
	// Tag is the resolved tag in short form: "!!str", "!!int", "!!float",
	// "!!bool", "!!null", "!!timestamp", "!!merge" (a plain <<), "!!map",
	// "!!seq", or an explicit tag as written ("!!binary", "!local").
	Tag     string
	Value   string  // a scalar's text; an alias's anchor name
	Anchor  string  // the node's &anchor, if any
	Alias   *Node   // the node an alias refers to
	Content []*Node // mapping: key, value, key, value...; sequence: items; document: its root
	// Line and Column are 1-based; Column counts characters, as yaml.v3's.
	Line, Column int
}

// SyntaxError is a document that cannot be read, or a value that cannot be
// decoded, with the 1-based line it is about.
type SyntaxError struct {
	Line int
	Msg  string
}

func (e *SyntaxError) Error() string {
	return "line " + strconv.Itoa(e.Line) + ": " + e.Msg
}
