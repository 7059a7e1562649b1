package script

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Bounds on what a Result carries from a script: a console line, an error
// message or stack, a request URL. A longer text keeps its head, cut at a
// UTF-8 boundary, and says how many bytes were dropped (README "bridge test").
const (
	maxMessageBytes = 64 << 10
	maxURLBytes     = 8 << 10
)

// truncateText returns s cut to at most max bytes of s, plus the marker
// "… [truncated N bytes]" when anything was cut; dropped counts bytes that
// were already dropped before s.
func truncateText(s string, max, dropped int) string {
	if len(s) <= max && dropped == 0 {
		return s
	}
	cut := len(s)
	if cut > max {
		cut = max
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return s[:cut] + fmt.Sprintf("… [truncated %d bytes]", len(s)-cut+dropped)
}

// cappedText is a builder that keeps at most max bytes and counts the rest.
type cappedText struct {
	b       strings.Builder
	max     int
	dropped int
}

func (c *cappedText) WriteString(s string) {
	room := c.max - c.b.Len()
	if c.dropped > 0 || room <= 0 {
		c.dropped += len(s)
		return
	}
	if len(s) <= room {
		c.b.WriteString(s)
		return
	}
	cut := room
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	c.b.WriteString(s[:cut])
	c.dropped += len(s) - cut
}

func (c *cappedText) Len() int { return c.b.Len() }

// String is the kept text, with the truncation marker when bytes were dropped.
func (c *cappedText) String() string {
	if c.dropped == 0 {
		return c.b.String()
	}
	return c.b.String() + fmt.Sprintf("… [truncated %d bytes]", c.dropped)
}

// boundResult caps the texts of the Result that a script controls: the
// error's message and stack, request URLs and errors.
func (r *runner) boundResult() {
	res := r.h.res
	if res.Error != nil {
		res.Error.Message = truncateText(res.Error.Message, maxMessageBytes, 0)
		res.Error.Stack = truncateText(res.Error.Stack, maxMessageBytes, 0)
		if len(res.Error.Value) > maxMessageBytes {
			// Cut JSON is no JSON: the value becomes a string that says so.
			if b, err := marshalJSON(truncateText(string(res.Error.Value), maxMessageBytes, 0)); err == nil {
				res.Error.Value = b
			}
		}
	}
	for i := range res.Requests {
		res.Requests[i].URL = truncateText(res.Requests[i].URL, maxURLBytes, 0)
		res.Requests[i].Error = truncateText(res.Requests[i].Error, maxMessageBytes, 0)
	}
}
