package loopback

import "testing"

func TestHost(t *testing.T) {
	for host, want := range map[string]bool{
		"localhost":        true,
		"127.0.0.1":        true,
		"127.8.9.10":       true,
		"::1":              true,
		"10.0.0.1":         false,
		"jira.example.com": false,
		"localhost.":       false,
		"a.localhost":      false,
		"[::1]":            false, // brackets belong to host:port
		"":                 false,
	} {
		if got := Host(host); got != want {
			t.Errorf("Host(%q) = %v; want %v", host, got, want)
		}
	}
}

func TestHostPort(t *testing.T) {
	for hp, want := range map[string]bool{
		"127.0.0.1:8080":    true,
		"[::1]:443":         true,
		"localhost:3000":    true,
		"localhost":         true,
		"example.com:80":    false,
		"192.168.1.2:8080":  false,
		"auth0.example.com": false,
	} {
		if got := HostPort(hp); got != want {
			t.Errorf("HostPort(%q) = %v; want %v", hp, got, want)
		}
	}
}
