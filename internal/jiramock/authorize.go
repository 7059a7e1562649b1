package jiramock

import "net/http"

// serveAuthorize is a placeholder until the approval page lands.
func (s *Mock) serveAuthorize(x *exchange) {
	x.text(http.StatusNotImplemented, "jiramock: authorize: not yet\n")
}
