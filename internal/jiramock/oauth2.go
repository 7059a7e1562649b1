package jiramock

import "strings"

// oauth2Provider is the mock's OAuth 2.0 authorization server and resource
// checks, in Jira Data Center's flavour (/rest/oauth2/latest/…) and Atlassian
// Cloud's 3LO flavour (/authorize, /oauth/token, /me, …), see docs/jira.md
// "OAuth 2.0". The endpoint a client uses decides the flavour of what it gets.
type oauth2Provider struct {
	m      *Mock
	client OAuth2Client
	store  *oauth2Store
}

func newOAuth2Provider(m *Mock, c OAuth2Client) (*oauth2Provider, error) {
	c, err := c.orDefault()
	if err != nil {
		return nil, err
	}
	return &oauth2Provider{m: m, client: c, store: newOAuth2Store()}, nil
}

// route serves p if it is an OAuth 2.0 or Atlassian Cloud API path, and
// reports whether it was one.
func (o *oauth2Provider) route(x *exchange, p string) bool {
	switch {
	case p == PathDCAuthorize || p == PathCloudAuthorize:
		f := Server
		if p == PathCloudAuthorize {
			f = Cloud
		}
		if x.methods("GET", "POST") {
			o.serveAuthorize(x, f)
		}
	case p == PathDCToken || p == PathCloudToken:
		f := Server
		if p == PathCloudToken {
			f = Cloud
		}
		if x.methods("POST") {
			o.serveToken(x, f)
		}
	case p == PathCloudMe:
		if x.methods("GET") {
			o.serveCloud(x, EndpointMe)
		}
	case p == PathCloudResources:
		if x.methods("GET") {
			o.serveCloud(x, EndpointResources)
		}
	case strings.HasPrefix(p, pathCloudJiraPrefix):
		if x.methods("GET") {
			o.serveCloud(x, EndpointMyself)
		}
	default:
		return false
	}
	return true
}
