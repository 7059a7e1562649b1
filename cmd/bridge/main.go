// Command bridge verifies and publishes the JIRA fetchUserProfile script of an
// Auth0 oauth1 connection. See README.md.
package main

import (
	"os"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/devprof"
	"github.com/jira-auth0-bridge/bridge/internal/sandbox"
)

func main() {
	useAuth0TimeZone()
	stop := func() {}
	if len(os.Args) < 2 || os.Args[1] != sandbox.WorkerCommand { // a worker profiles itself
		stop = devprof.Start("bridge")
	}
	code := Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// useAuth0TimeZone makes the process's local time zone UTC before anything
// runs. goja's Date uses Go's local zone, so without this `new
// Date().getHours()` or `toString()` in a script would follow the zone of the
// machine bridge runs on; Auth0's sandbox is assumed to run in UTC (an
// assumption: Auth0 does not document it). It must run first, while the
// process has one goroutine.
func useAuth0TimeZone() { time.Local = time.UTC }
