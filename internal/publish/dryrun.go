package publish

import (
	"github.com/jira-auth0-bridge/bridge/internal/auth0"
	"github.com/jira-auth0-bridge/bridge/internal/connection"
	"github.com/jira-auth0-bridge/bridge/internal/version"
)

// addDryRun records req, a write a dry run would send, as a HAR request
// (connection.NewHARRequest masks the bearer token); its body has had its
// secret fields masked and every known secret is redacted again here.
func (r *run) addDryRun(req auth0.Request) {
	var body []byte
	if req.Body != nil {
		body = []byte(r.redact.String(string(req.Body)))
	}
	r.res.DryRunRequests = append(r.res.DryRunRequests, connection.NewHARRequest(req.Method, req.URL, body))
}

// HAR is a HAR 1.2 log of requests, as `bridge publish --dry-run` prints them.
type HAR struct {
	Log HARLog `json:"log"`
}

// HARLog is the log object of a HAR file.
type HARLog struct {
	Version string     `json:"version"`
	Creator HARCreator `json:"creator"`
	Entries []HAREntry `json:"entries"`
}

// HARCreator names the tool that wrote the HAR.
type HARCreator struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// HAREntry is one request; the dry run sends none, so there is no response.
type HAREntry struct {
	Request connection.HARRequest `json:"request"`
	Comment string                `json:"comment"`
}

// DryRunHAR wraps the dry run's requests in a HAR log.
func (res *Result) DryRunHAR() HAR {
	h := HAR{Log: HARLog{Version: "1.2", Creator: HARCreator{Name: "bridge", Version: version.Short()}, Entries: []HAREntry{}}}
	for _, req := range res.DryRunRequests {
		h.Log.Entries = append(h.Log.Entries, HAREntry{Request: req, Comment: "not sent: --dry-run"})
	}
	return h
}
