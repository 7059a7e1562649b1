package script

import (
	"encoding/base64"
	"strings"

	"github.com/dop251/goja"

	"github.com/jira-auth0-bridge/bridge/internal/wire"
)

// requestAuth is request@2.88.2's auth option (request.js init, lib/auth.js):
// {bearer} sends "Authorization: Bearer <token>" (a function bearer is
// called, a falsy one sends "Bearer "); {user, pass} or {username,
// password} send "Basic base64(user:pass)" (pass || ”), UTF-8 as
// helpers.toBase64 does. With sendImmediately false nothing is sent until
// the server answers 401 with a WWW-Authenticate of Basic or Bearer; then
// the request is sent again with the header (lib/redirect.js, counted as a
// redirect). Digest is not emulated (docs/fidelity.md).
type requestAuth struct {
	header  string // the Authorization value sent with the first request ("" if pending)
	pending bool   // sendImmediately false: wait for a 401
	sent    bool   // the 401 retry happened
	// basicHeader and bearerHeader are what Auth.onResponse sends after a
	// 401, by the challenge's scheme (it uses the stored user/pass or bearer
	// token whichever the server asks for).
	basicHeader, bearerHeader string
}

// parseRequestAuth reads options.auth; it returns nil when the option is
// absent or falsy, and a Node Error for request's own auth errors, which
// request emits as 'error' (the callback gets it at once) and then goes on
// to send the request anyway; its answer no longer reaches the callback.
func (rm *requestModule) parseRequestAuth(v goja.Value) (*requestAuth, *goja.Object) {
	if v == nil || !v.ToBoolean() {
		return nil, nil
	}
	o := v.ToObject(rm.h.vm)
	get := func(k string) goja.Value {
		if x := o.Get(k); x != nil {
			return x
		}
		return goja.Undefined()
	}
	user, pass := get("user"), get("pass")
	if o.GetOwnPropertyNames() != nil {
		for _, k := range o.GetOwnPropertyNames() {
			switch k {
			case "username":
				user = get("username")
			case "password":
				pass = get("password")
			}
		}
	}
	send, bearer := get("sendImmediately"), get("bearer")
	a := &requestAuth{pending: !(send.ToBoolean() || goja.IsUndefined(send))}
	switch {
	case goja.IsUndefined(bearer) && goja.IsUndefined(user):
		return nil, rm.h.nodeError("Error", "no auth mechanism defined", nil)
	}
	var err *goja.Object
	switch {
	case !goja.IsUndefined(bearer):
		if fn, ok := goja.AssertFunction(bearer); ok {
			r, err := fn(goja.Undefined())
			if err != nil {
				panic(err)
			}
			bearer = r
		}
		a.bearerHeader = "Bearer " + orEmpty(bearer)
		a.basicHeader = "Basic " + base64.StdEncoding.EncodeToString([]byte("null:"))
		a.header = a.bearerHeader
	default:
		if !isString(user) || (!goja.IsUndefined(pass) && !isString(pass)) {
			// emitted, and then the header is set all the same
			err = rm.h.nodeError("Error", "auth() received invalid user or password", nil)
		}
		a.basicHeader = "Basic " + base64.StdEncoding.EncodeToString([]byte(user.String()+":"+orEmpty(pass)))
		a.bearerHeader = "Bearer "
		a.header = a.basicHeader
	}
	if a.pending {
		a.header = ""
	}
	return a, err
}

// retry401 is the Authorization value request sends again after a 401
// answer with this WWW-Authenticate (Auth.onResponse), or "".
func (a *requestAuth) retry401(wwwAuthenticate string) string {
	if a == nil || !a.pending || a.sent {
		return ""
	}
	switch strings.ToLower(strings.SplitN(wwwAuthenticate, " ", 2)[0]) {
	case "basic":
		return a.basicHeader
	case "bearer":
		return a.bearerHeader
	}
	return ""
}

// responseHeader is the first value of a response header, as Node's
// response.headers has it.
func responseHeader(resp *wire.Response, name string) string {
	for i := 0; i+1 < len(resp.RawHeaders); i += 2 {
		if strings.EqualFold(resp.RawHeaders[i], name) {
			return resp.RawHeaders[i+1]
		}
	}
	return ""
}

// orEmpty is JavaScript's (v || ”) as a string.
func orEmpty(v goja.Value) string {
	if v == nil || !v.ToBoolean() {
		return ""
	}
	return v.String()
}

func isString(v goja.Value) bool {
	_, ok := v.Export().(string)
	return ok
}

// setAuthorization sets the header as caseless does: a header the script
// named Authorization keeps its name and place, only the value changes.
func (h *orderedHeaders) setAuthorization(value string) {
	for i := range *h {
		if strings.EqualFold((*h)[i].Name, "authorization") {
			(*h)[i].Value, (*h)[i].raw = value, nil
			return
		}
	}
	*h = append(*h, headerField{Name: "authorization", Value: value})
}
