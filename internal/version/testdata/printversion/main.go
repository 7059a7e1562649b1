// Command printversion prints version.Get(): the dist test builds it with
// scripts/dist.sh to see the stamped version come out of a real binary until
// `bridge version` exists.
package main

import (
	"fmt"

	"github.com/jira-auth0-bridge/bridge/internal/version"
)

func main() { fmt.Println(version.Get()) }
