package script

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// refEncodeData is _encodeData (lib/oauth.js L68-79) spelled out byte by
// byte: every byte but A-Z a-z 0-9 - _ . ~ as %XX, upper-case hex.
func refEncodeData(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if strings.IndexByte("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~", c) >= 0 {
			b.WriteByte(c)
		} else {
			b.WriteString("%" + strings.ToUpper(string("0123456789abcdef"[c>>4])+string("0123456789abcdef"[c&15])))
		}
	}
	return b.String()
}

// TestEncodeDataMatchesReference: the allocation-free encodeData gives
// _encodeData's output on every byte and on random strings.
func TestEncodeDataMatchesReference(t *testing.T) {
	for c := 0; c < 256; c++ {
		s := "a" + string([]byte{byte(c)}) + "z"
		if got, want := encodeData(s), refEncodeData(s); got != want {
			t.Fatalf("encodeData(%q) = %q, want %q", s, got, want)
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		if got, want := encodeData(string(b)), refEncodeData(string(b)); got != want {
			t.Fatalf("encodeData(%q) = %q, want %q", b, got, want)
		}
	}
	if encodeData("") != "" || encodeData("plain-Text_1.~") != "plain-Text_1.~" {
		t.Fatal("unreserved text must come back unchanged")
	}
}
