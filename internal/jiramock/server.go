package jiramock

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/jira"
)

// Config configures a mock JIRA. The zero Config is a Server-flavoured JIRA
// on a free loopback port with the default consumer and users.
type Config struct {
	Addr        string           // listen address; "" = 127.0.0.1:0
	Flavor      Flavor           // "" = Server
	Consumers   []Consumer       // nil = []Consumer{DefaultConsumer()}
	Users       []User           // nil = DefaultUsers(Flavor)
	AutoApprove string           // user ID: GET authorize redirects at once as this user
	Faults      Faults           // per-endpoint faults of the dance's access tokens and anonymous calls
	Now         func() time.Time // nil = time.Now (tests skew the clock with it)
	Log         io.Writer        // non-nil: one line per request (bridge mock -v)
	// ContextPath serves JIRA below a path, as a JIRA at
	// https://example.com/jira is: "" or "/jira" (a leading slash, none
	// trailing). URL() then ends with it, and requests outside it get 404.
	ContextPath string
	// OAuth2 is the OAuth 2.0 client the mock knows (the incoming link of
	// Jira Data Center, the app of Atlassian's developer console). The
	// zero value is DefaultOAuth2Client().
	OAuth2 OAuth2Client
}

// Mock is a running mock JIRA: a real net/http server on its own listener.
type Mock struct {
	flavor    Flavor
	consumers map[string]*Consumer
	users     []User // nil: the default users of each flavor
	auto      string
	faults    Faults
	prefix    string // Config.ContextPath
	nowFn     func() time.Time

	nonces *nonceCache
	tokens *tokenStore
	log    *requestLog

	o1 oauth1Provider  // OAuth 1.0a: token endpoints, approval page, signature checks
	o2 *oauth2Provider // OAuth 2.0: Jira Data Center's provider and Atlassian Cloud's 3LO

	ln   net.Listener
	srv  *http.Server
	base string
}

// New checks cfg and starts serving. The error names the address when it is
// busy.
func New(cfg Config) (*Mock, error) {
	s := &Mock{
		flavor: cfg.Flavor.orDefault(Server),
		users:  cfg.Users,
		auto:   cfg.AutoApprove,
		faults: cfg.Faults,
		nowFn:  cfg.Now,
		nonces: newNonceCache(timestampWindow),
		tokens: newTokenStore(),
		log:    newRequestLog(cfg.Log),
	}
	if _, err := ParseFlavor(string(s.flavor)); err != nil {
		return nil, err
	}
	s.o1 = oauth1Provider{m: s}
	o2, err := newOAuth2Provider(s, cfg.OAuth2)
	if err != nil {
		return nil, err
	}
	s.o2 = o2
	if s.nowFn == nil {
		s.nowFn = time.Now
	}
	consumers := cfg.Consumers
	if consumers == nil {
		consumers = []Consumer{DefaultConsumer()}
	}
	s.consumers = make(map[string]*Consumer, len(consumers))
	for i := range consumers {
		c := consumers[i]
		if c.Key == "" || c.PublicKey == nil {
			return nil, fmt.Errorf("jiramock: consumer %d needs a key and a public key", i+1)
		}
		if _, dup := s.consumers[c.Key]; dup {
			return nil, fmt.Errorf("jiramock: consumer key %q is registered twice", c.Key)
		}
		if c.Name == "" {
			c.Name = c.Key
		}
		s.consumers[c.Key] = &c
	}
	if cfg.Users != nil {
		if len(cfg.Users) == 0 {
			return nil, errors.New("jiramock: the user list is empty: give at least one user")
		}
		if err := checkUniqueIDs(cfg.Users); err != nil {
			return nil, err
		}
	}
	if s.auto != "" {
		if _, ok := findUser(s.usersFor(s.flavor), s.auto); !ok {
			return nil, fmt.Errorf("jiramock: auto-approve user %q is not one of the users (%s)", s.auto, userIDs(s.usersFor(s.flavor)))
		}
	}
	if err := cfg.Faults.Validate(); err != nil {
		return nil, err
	}
	if cp := cfg.ContextPath; cp != "" && (!strings.HasPrefix(cp, "/") || strings.HasSuffix(cp, "/") ||
		strings.ContainsAny(cp, "?#%") || strings.Contains(cp, "//")) {
		return nil, fmt.Errorf("jiramock: context path %q: write it like /jira (a leading slash, none trailing, no query)", cp)
	}
	s.prefix = cfg.ContextPath
	addr := cfg.Addr
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return nil, fmt.Errorf("jiramock: address %s is already in use: stop the other server or pick another port (--addr 127.0.0.1:0 takes a free one)", addr)
		}
		return nil, fmt.Errorf("jiramock: cannot listen on %s: %w", addr, err)
	}
	s.ln = ln
	s.base = "http://" + displayAddr(ln.Addr()) + s.prefix
	s.srv = &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, ErrorLog: nil}
	go func() { _ = s.srv.Serve(ln) }()
	return s, nil
}

// displayAddr turns a wildcard listen address into a loopback one a client
// can dial.
func displayAddr(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return a.String()
	}
	host := tcp.IP.String()
	if tcp.IP == nil || tcp.IP.IsUnspecified() {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, fmt.Sprint(tcp.Port))
}

// URL is the base URL, with no trailing slash, e.g. http://127.0.0.1:41234
// (or http://127.0.0.1:41234/jira with a ContextPath).
func (s *Mock) URL() string { return s.base }

// Close stops the server and drops open connections (delayed answers end).
func (s *Mock) Close() { _ = s.srv.Close() }

// Flavor is the server's flavor.
func (s *Mock) Flavor() Flavor { return s.flavor }

// Users are the users of the server's flavor, as the approval page lists them.
func (s *Mock) Users() []User { return s.usersFor(s.flavor) }

// Consumers are the registered consumers, sorted by key.
func (s *Mock) Consumers() []Consumer {
	out := make([]Consumer, 0, len(s.consumers))
	for _, c := range s.consumers {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

func (s *Mock) now() time.Time { return s.nowFn() }

// usersFor: the configured users, or the default users of flavor f.
func (s *Mock) usersFor(f Flavor) []User {
	if s.users != nil {
		return s.users
	}
	return DefaultUsers(f)
}

// The mock's paths. REST is routed under api/2, api/3 and api/latest alike;
// api/3 then answers 404 on the Server flavor (see noAPI3).
const (
	pathRequestToken = jira.RequestTokenPath
	pathAuthorize    = jira.AuthorizePath
	pathAccessToken  = jira.AccessTokenPath
	pathSession      = jira.SessionPath
)

// baseFor is the base URL JIRA names itself by in an answer to r (self
// links, the realm): the host the client used, and the context path.
func (s *Mock) baseFor(r *http.Request) string { return requestBase(r) + s.prefix }

// ServeHTTP routes a request and logs it.
func (s *Mock) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	sw := &statusWriter{ResponseWriter: w}
	x := &exchange{s: s, w: sw, r: r, now: s.now()}
	x.entry = LogEntry{Time: x.now, Method: r.Method, Path: r.RequestURI, Verdict: VerdictAnonymous}
	if x.entry.Path == "" {
		x.entry.Path = r.URL.RequestURI()
	}
	defer func() {
		if x.entry.Status == 0 && !x.dropped {
			x.entry.Status = sw.status
		}
		s.log.add(x.entry)
	}()
	p, inContext := strings.CutPrefix(r.URL.Path, s.prefix)
	if !inContext || s.prefix != "" && p != "" && p[0] != '/' {
		x.text(http.StatusNotFound, "jiramock: "+r.URL.Path+" is outside JIRA's context path "+s.prefix+"\n")
		return
	}
	switch {
	case p == pathRequestToken:
		if x.methods(http.MethodPost, http.MethodGet) {
			s.o1.serveRequestToken(x)
		}
	case p == pathAccessToken:
		if x.methods(http.MethodPost, http.MethodGet) {
			s.o1.serveAccessToken(x)
		}
	case p == pathAuthorize:
		if x.methods(http.MethodGet, http.MethodPost) {
			s.o1.serveAuthorize(x)
		}
	case p == pathSession:
		if x.methods(http.MethodGet) {
			s.serveREST(x, EndpointSession)
		}
	case restPath(p, "user"):
		if x.methods(http.MethodGet) {
			s.serveREST(x, EndpointUser)
		}
	case restPath(p, "myself"):
		if x.methods(http.MethodGet) {
			s.serveREST(x, EndpointMyself)
		}
	case s.o2.route(x, p):
	default:
		x.text(http.StatusNotFound, "jiramock: no such endpoint "+s.prefix+p+
			". The mock serves "+pathRequestToken+", "+pathAuthorize+", "+pathAccessToken+", "+pathSession+
			", /rest/api/2/user and /rest/api/2/myself; for OAuth 2.0 "+PathDCAuthorize+", "+PathDCToken+
			", and Atlassian Cloud's "+PathCloudAuthorize+", "+PathCloudToken+", "+PathCloudMe+", "+PathCloudResources+" and /ex/jira/{cloudid}/rest/api/3/myself.\n")
	}
}

func restPath(p, name string) bool {
	for _, v := range []string{"2", "3", "latest"} {
		if p == "/rest/api/"+v+"/"+name {
			return true
		}
	}
	return false
}
