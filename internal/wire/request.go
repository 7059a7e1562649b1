package wire

import "strings"

import ()

// Field is one request header line group, in the order it is sent: Name:
// Value, then one more line with the same name for each of More (an array
// value, as Node writes it).
type Field struct {
	Name, Value string
	More        []string
}

// Request is one HTTP request to send.
type Request struct {
	Scheme     string // "http" or "https"
	Host, Port string // where to connect (Host without brackets)
	Method     string
	Path       string // path and query, sent verbatim
	Header     []Field
	Body       []byte
}

// Response is a response as Node's IncomingMessage shows it.
type Response struct {
	HTTPVersion   string
	StatusCode    int
	StatusMessage string
	RawHeaders    []string // name, value, name, value… as received
	Body          []byte
	Truncated     bool // the connection closed before the body was complete
}

// Location is the first Location header, as Node's
// response.headers.location (later duplicates are dropped, _http_incoming.js).
func (w *Response) Location() string {
	for i := 0; i+1 < len(w.RawHeaders); i += 2 {
		if strings.EqualFold(w.RawHeaders[i], "location") {
			return w.RawHeaders[i+1]
		}
	}
	return ""
}
