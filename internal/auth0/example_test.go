package auth0_test

import (
	"fmt"

	"github.com/jira-auth0-bridge/bridge/internal/auth0"
)

func ExampleParseTenant() {
	for _, d := range []string{"example.eu.auth0.com", "http://127.0.0.1:8080"} {
		t, err := auth0.ParseTenant(d)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(t.BaseURL, t.Audience(), t.CallbackURL())
	}
	// Output:
	// https://example.eu.auth0.com https://example.eu.auth0.com/api/v2/ https://example.eu.auth0.com/login/callback
	// http://127.0.0.1:8080 http://127.0.0.1:8080/api/v2/ http://127.0.0.1:8080/login/callback
}
