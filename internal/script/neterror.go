package script

import (
	"crypto/x509"
	"errors"
	"io"
	"net"
	"os"
	"strconv"
	"syscall"

	"github.com/dop251/goja"
)

// netError is a network failure as Node reports it: an Error whose message
// reads like "connect ECONNREFUSED 127.0.0.1:1" and which carries errno,
// code, syscall and address/port or hostname. node-oauth passes it to the
// callback as is (docs/node-oauth.md: "cb(err) with a Node Error carrying code").
type netError struct {
	Message  string
	Code     string
	Errno    int    // 0 = none
	Syscall  string // "" = none
	Address  string
	Port     string
	Hostname string
}

func (e *netError) Error() string { return e.Message }

// nodeNetError maps a Go network error to Node's shape for host:port.
func nodeNetError(err error, host, port string) *netError {
	var ne *netError
	if errors.As(err, &ne) {
		return ne
	}
	addr := host
	var op *net.OpError
	if errors.As(err, &op) && op.Addr != nil {
		if h, p, e := net.SplitHostPort(op.Addr.String()); e == nil {
			addr, port = h, p
		}
	}
	sys := func(code string, errno int, syscallName string) *netError {
		return &netError{Message: syscallName + " " + code + " " + net.JoinHostPort(addr, port), Code: code, Errno: errno,
			Syscall: syscallName, Address: addr, Port: port}
	}
	var dns *net.DNSError
	var unknownCA x509.UnknownAuthorityError
	var hostname x509.HostnameError
	var invalid x509.CertificateInvalidError
	switch {
	case errors.Is(err, syscall.ECONNREFUSED):
		return sys("ECONNREFUSED", -111, "connect")
	case errors.As(err, &dns):
		return &netError{Message: "getaddrinfo ENOTFOUND " + host, Code: "ENOTFOUND", Errno: -3008, Syscall: "getaddrinfo", Hostname: host}
	case errors.Is(err, syscall.EHOSTUNREACH):
		return sys("EHOSTUNREACH", -113, "connect")
	case errors.Is(err, syscall.ENETUNREACH):
		return sys("ENETUNREACH", -101, "connect")
	case errors.Is(err, os.ErrDeadlineExceeded), errors.Is(err, syscall.ETIMEDOUT), isTimeout(err):
		return sys("ETIMEDOUT", -110, "connect")
	case errors.Is(err, syscall.ECONNRESET):
		return &netError{Message: "read ECONNRESET", Code: "ECONNRESET", Errno: -104, Syscall: "read"}
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return &netError{Message: "socket hang up", Code: "ECONNRESET"}
	case errors.As(err, &unknownCA):
		return &netError{Message: "unable to get local issuer certificate", Code: "UNABLE_TO_GET_ISSUER_CERT_LOCALLY"}
	case errors.As(err, &hostname):
		return &netError{Message: "Hostname/IP does not match certificate's altnames: " + hostname.Error(), Code: "ERR_TLS_CERT_ALTNAME_INVALID"}
	case errors.As(err, &invalid) && invalid.Reason == x509.Expired:
		return &netError{Message: "certificate has expired", Code: "CERT_HAS_EXPIRED"}
	}
	if isProtocolError(err) {
		// Not a socket error: the answer was not HTTP (Node's llhttp "Parse Error").
		return &netError{Message: "Parse Error: " + err.Error(), Code: "HPE_INVALID_CONSTANT"}
	}
	return &netError{Message: err.Error(), Code: "ECONNRESET"}
}

func isTimeout(err error) bool {
	var te interface{ Timeout() bool }
	return errors.As(err, &te) && te.Timeout()
}

func isProtocolError(err error) bool {
	var op *net.OpError
	return !errors.As(err, &op)
}

// value turns e into the JS Error node-oauth would hand to the callback,
// with Node's property order (errno, code, syscall, address, port).
func (e *netError) value(r *host) *goja.Object {
	c, _ := r.vm.Get("Error").(*goja.Object)
	obj, err := r.vm.New(c, r.vm.ToValue(e.Message))
	if err != nil {
		return r.vm.NewGoError(e)
	}
	if e.Errno != 0 {
		_ = obj.Set("errno", e.Errno)
	}
	_ = obj.Set("code", e.Code)
	if e.Syscall != "" {
		_ = obj.Set("syscall", e.Syscall)
	}
	if e.Hostname != "" {
		_ = obj.Set("hostname", e.Hostname)
	}
	if e.Address != "" {
		_ = obj.Set("address", e.Address)
	}
	if e.Port != "" {
		if n, err := strconv.Atoi(e.Port); err == nil {
			_ = obj.Set("port", n)
		}
	}
	return obj
}
