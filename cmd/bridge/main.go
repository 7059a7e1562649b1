// Command bridge verifies and publishes the JIRA fetchUserProfile script of an
// Auth0 oauth1 connection. See README.md.
package main

import "os"

func main() {
	os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
