package script

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestToUTF8MatchesNode decodes the same bytes with Node's StringDecoder (fed
// one byte at a time, as a body split into chunks) and with toUTF8.
func TestToUTF8MatchesNode(t *testing.T) {
	inputs := [][]byte{
		[]byte("plain ascii"),
		[]byte("caf\xc3\xa9 😀"),
		{0xE2, 0x82, 0x41},                         // truncated 3-byte sequence: one U+FFFD
		{0xFF, 0x41},                               // never valid
		{0xED, 0xA0, 0x80},                         // an encoded surrogate
		{0xF0, 0x9F, 0x98},                         // truncated emoji at the end
		{0xC0, 0xAF},                               // overlong
		{0xEF, 0xBB, 0xBF, '{', '}'},               // BOM kept
		{0xF4, 0x90, 0x80, 0x80},                   // above U+10FFFF
		{0xE0, 0x80, 0x80},                         // overlong 3-byte
		{0xF0, 0x9F, 0x98, 0xF0, 0x9F, 0x98, 0x80}, // truncated then whole
		{'a', 0x80, 'b', 0xC3},
	}
	in, err := json.Marshal(inputs) // base64 strings
	require.NoError(t, err)
	out := runNode(t, `
const {StringDecoder} = require('string_decoder');
const inputs = JSON.parse(require('fs').readFileSync(0, 'utf8'));
console.log(JSON.stringify(inputs.map(b64 => {
  const d = new StringDecoder('utf8');
  let s = '';
  for (const b of Buffer.from(b64, 'base64')) s += d.write(Buffer.from([b]));
  return s + d.end();
})));`, in)
	var want []string
	require.NoError(t, json.Unmarshal(out, &want))
	require.Len(t, want, len(inputs))
	for i, b := range inputs {
		assert.Equal(t, want[i], toUTF8(b), "input % x", b)
	}
}
