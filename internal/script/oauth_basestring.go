package script

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// param is one signature parameter as node-oauth holds it: a name and a
// value that is a string, or absent ("" after _encodeData).
type param struct{ Name, Value string }

// encodeData is node-oauth's _encodeData (L68-79): encodeURIComponent plus
// ! ' ( ) * escaped. Values loosely equal to "" (null, undefined, "", 0,
// false) are handled by the caller, which knows the JS value.
func encodeData(s string) string {
	n := 0
	for i := 0; i < len(s); i++ {
		if !unreservedByte(s[i]) {
			n++
		}
	}
	if n == 0 { // the common case: nothing to escape, nothing to allocate
		return s
	}
	return string(appendEncodeData(make([]byte, 0, len(s)+2*n), s))
}

// appendEncodeData appends encodeData(s) to dst.
func appendEncodeData(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if unreservedByte(c) {
			dst = append(dst, c)
			continue
		}
		dst = append(dst, '%', "0123456789ABCDEF"[c>>4], "0123456789ABCDEF"[c&15])
	}
	return dst
}

// unreservedByte: the bytes encodeData leaves as they are.
func unreservedByte(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~'
}

// qsPair is one key of querystring.parse's result: a single value, or a list
// when the key repeats.
type qsPair struct {
	Key    string
	Values []string
}

// parseQuery is Node's querystring.parse (as node-oauth calls it, L288,
// L469, L547): pairs split on "&", key and value on the first "=", "+" read
// as a space, percent escapes decoded leniently, a key without "=" gets "",
// empty pieces skipped, at most 1000 keys, repeated keys collected in order.
func parseQuery(q string) []qsPair {
	var out []qsPair
	index := map[string]int{}
	if q == "" {
		return out
	}
	for _, piece := range strings.Split(q, "&") {
		if piece == "" {
			continue
		}
		if len(index) >= 1000 {
			break
		}
		k, v, _ := strings.Cut(piece, "=")
		k = unescapeQS(strings.ReplaceAll(k, "+", " "))
		v = unescapeQS(strings.ReplaceAll(v, "+", " "))
		if i, ok := index[k]; ok {
			out[i].Values = append(out[i].Values, v)
			continue
		}
		index[k] = len(out)
		out = append(out, qsPair{Key: k, Values: []string{v}})
	}
	return out
}

// queryParams are the query's signature parameters: a repeated key becomes
// key[0], key[1], … (L291-295: querystring.parse makes an array, which
// node-oauth walks with for…in). This is not RFC 5849 (docs/node-oauth.md).
func queryParams(q string) []param {
	var out []param
	for _, p := range parseQuery(q) {
		if len(p.Values) == 1 {
			out = append(out, param{p.Key, p.Values[0]})
			continue
		}
		for i, v := range p.Values {
			out = append(out, param{p.Key + "[" + itoa(i) + "]", v})
		}
	}
	return out
}

// sortParams sorts by name, then value (L159-169). JS compares strings by
// UTF-16 code units; the encoded names and values compared are ASCII.
func sortParams(ps []param) {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Name == ps[j].Name {
			return ps[i].Value < ps[j].Value
		}
		return ps[i].Name < ps[j].Name
	})
}

// normaliseParams is _normaliseRequestParams (L171-191): every name and value
// encoded, sorted by encoded name then value, joined k=v&….
func normaliseParams(ps []param) string {
	enc := make([]param, len(ps))
	for i, p := range ps {
		enc[i] = param{encodeData(p.Name), encodeData(p.Value)}
	}
	sortParams(enc)
	size := 0
	for _, p := range enc {
		size += len(p.Name) + len(p.Value) + 2
	}
	var b strings.Builder
	b.Grow(size)
	for i, p := range enc {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(p.Name)
		b.WriteByte('=')
		b.WriteString(p.Value)
	}
	return b.String()
}

// signatureBase is _createSignatureBase (L193-197):
// METHOD&enc(normalizedUrl)&enc(params).
func signatureBase(method, rawURL string, ps []param) string {
	u, q := normalizeURL(rawURL), normaliseParams(ps)
	b := make([]byte, 0, len(method)+2+3*(len(u)+len(q)))
	b = append(b, strings.ToUpper(method)...)
	b = append(b, '&')
	b = appendEncodeData(b, u)
	b = append(b, '&')
	b = appendEncodeData(b, q)
	return string(b)
}

// authorizationHeader is _buildAuthorizationHeaders (L120-136): "OAuth "
// then enc(k)="enc(v)" for the oauth_* parameters in the given order,
// joined by "," with no spaces and no realm.
func authorizationHeader(ordered []param, sep string) string {
	var b strings.Builder
	b.WriteString("OAuth ")
	for _, p := range ordered {
		if strings.HasPrefix(p.Name, "oauth_") {
			b.WriteString(encodeData(p.Name))
			b.WriteString(`="`)
			b.WriteString(encodeData(p.Value))
			b.WriteString(`"`)
			b.WriteString(sep)
		}
	}
	return strings.TrimSuffix(b.String(), sep)
}

// stringifyQuery is querystring.stringify followed by node-oauth's extra
// escapes of ! ' ( ) * (L346-351).
func stringifyQuery(ps []param) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = encodeData(p.Name) + "=" + encodeData(p.Value)
	}
	return strings.Join(parts, "&")
}

func validUTF8(s string) bool { return utf8.ValidString(s) }

func itoa(i int) string { return strconv.Itoa(i) }
