// Package jsondiff compares two JSON documents field by field. It is the one
// diff of bridge: the report compares a case's expected profile with the
// script's (internal/report), and publish compares a connection's options on
// the tenant with the ones it would store (internal/publish).
//
// # Equality
//
// Every field, type and value must match. Numbers compare by value at 256
// bits (1 and 1.0 are equal, 12345678901234567890 and …891 are not); strings
// by their decoded text; object member order does not matter.
//
// # Vocabulary
//
// A Change has one of four kinds, each with the symbol the reports print:
//
//	~ changed       same JSON type, another value
//	! type_changed  another JSON type (null counts as a type)
//	+ added         only the second document has it
//	- missing       only the first document has it
//
// # Paths
//
// A Change's Path names the field unambiguously, in the JavaScript accessor
// notation: a member whose name is a plain identifier is ".name" (no dot at
// the root), any other name is written as a quoted string in brackets
// (["a.b"], [""], ["x y"]), and array items are [i]. So a member named "a.b"
// is ["a.b"] while a member b of a member a is a.b: the two never look alike.
// The root itself is "" (or Options.Root). Join builds these paths.
package jsondiff
