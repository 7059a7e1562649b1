package jiramock

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"
)

// dcConfig and cloudConfig are x/oauth2 configs of the default client on m.
func oauth2Config(m *Mock, f Flavor, scopes ...string) *oauth2.Config {
	c := m.OAuth2Client()
	if scopes == nil {
		scopes = DefaultOAuth2Scopes(f)
	}
	return &oauth2.Config{ClientID: c.ID, ClientSecret: c.Secret, RedirectURL: c.RedirectURI, Endpoint: OAuth2Endpoint(m.URL(), f), Scopes: scopes}
}

func TestDanceOAuth2DataCenter(t *testing.T) {
	for _, pkce := range []string{"S256", "plain", "none"} {
		t.Run(pkce, func(t *testing.T) {
			m := newMock(t, Config{})
			tok, err := DanceOAuth2(context.Background(), m.URL(), OAuth2Dance{User: "jdoe", PKCE: pkce})
			if err != nil {
				t.Fatal(err)
			}
			if tok.RefreshToken == "" || tok.Expiry.IsZero() || !strings.EqualFold(tok.TokenType, "bearer") {
				t.Fatalf("token %+v: want a bearer token with a refresh token and an expiry", tok)
			}
			if got := tok.Extra("scope"); got != "READ" {
				t.Errorf("scope %v, want READ", got)
			}
			c := oauth2Config(m, Server).Client(context.Background(), tok)
			r := get(t, c, m.URL()+"/rest/api/2/myself")
			if r.status != http.StatusOK || !strings.Contains(r.body, `"name": "jdoe"`) && !strings.Contains(r.body, `"name":"jdoe"`) {
				t.Fatalf("myself: %d %s", r.status, r.body)
			}
			if r.header.Get("X-AUSERNAME") != "jdoe" {
				t.Errorf("X-AUSERNAME %q", r.header.Get("X-AUSERNAME"))
			}
			if r := get(t, c, m.URL()+"/rest/api/2/user?username=fred"); r.status != http.StatusOK {
				t.Errorf("user?username=fred: %d %s", r.status, r.body)
			}
			if n := len(m.RequestsFor(tok.AccessToken)); n != 3 { // token exchange + 2 REST calls
				t.Errorf("%d log entries filed under the token, want 3: %v", n, m.Requests())
			}
		})
	}
}

func TestDanceOAuth2Cloud(t *testing.T) {
	m := newMock(t, Config{Flavor: Cloud})
	tok, err := DanceOAuth2(context.Background(), m.URL(), OAuth2Dance{Flavor: Cloud})
	if err != nil {
		t.Fatal(err)
	}
	c := oauth2Config(m, Cloud).Client(context.Background(), tok)
	r := get(t, c, m.URL()+PathCloudMe)
	var me map[string]any
	if err := json.Unmarshal([]byte(r.body), &me); err != nil || r.status != 200 {
		t.Fatalf("/me: %d %s", r.status, r.body)
	}
	for k, want := range map[string]any{"account_id": "5b10a2844c20165700ede21g", "email": "mia@example.com", "name": "Mia Krystof",
		"account_status": "active", "zoneinfo": "Australia/Sydney", "locale": "en-US", "account_type": "atlassian"} {
		if me[k] != want {
			t.Errorf("/me %s = %v, want %v", k, me[k], want)
		}
	}
	if _, ok := me["extended_profile"].(map[string]any); !ok {
		t.Errorf("/me has no extended_profile object: %s", r.body)
	}
	r = get(t, c, m.URL()+PathCloudResources)
	var res []struct {
		ID, URL string
		Scopes  []string
	}
	if err := json.Unmarshal([]byte(r.body), &res); err != nil || len(res) != 1 || res[0].ID != CloudID || res[0].URL != m.URL() {
		t.Fatalf("accessible-resources: %d %s", r.status, r.body)
	}
	r = get(t, c, m.URL()+"/ex/jira/"+res[0].ID+"/rest/api/3/myself")
	if r.status != 200 || !strings.Contains(r.body, "5b10a2844c20165700ede21g") {
		t.Fatalf("/ex/jira/…/myself: %d %s", r.status, r.body)
	}
	if r := get(t, c, m.URL()+"/ex/jira/not-a-site/rest/api/3/myself"); r.status != 404 {
		t.Errorf("unknown cloud id: %d, want 404", r.status)
	}
	// A Cloud 3LO token does not work on the site's own REST API.
	if r := get(t, c, m.URL()+"/rest/api/3/myself"); r.status != 401 || !strings.Contains(r.header.Get("WWW-Authenticate"), `error="invalid_token"`) {
		t.Errorf("site REST with a 3LO token: %d %q", r.status, r.header.Get("WWW-Authenticate"))
	}
}

// TestOAuth2Refresh: x/oauth2 refreshes an expired token; the refresh token
// rotates, so the old one is then invalid_grant.
func TestOAuth2Refresh(t *testing.T) {
	for _, f := range []Flavor{Server, Cloud} {
		t.Run(string(f), func(t *testing.T) {
			m := newMock(t, Config{Flavor: f})
			tok, err := DanceOAuth2(context.Background(), m.URL(), OAuth2Dance{Flavor: f})
			if err != nil {
				t.Fatal(err)
			}
			cfg := oauth2Config(m, f)
			old := *tok
			tok.Expiry = time.Now().Add(-time.Minute)
			fresh, err := cfg.TokenSource(context.Background(), tok).Token()
			if err != nil {
				t.Fatal(err)
			}
			if fresh.AccessToken == old.AccessToken || fresh.RefreshToken == "" || fresh.RefreshToken == old.RefreshToken {
				t.Fatalf("refresh gave %+v from %+v: want a new access and refresh token", fresh, old)
			}
			_, err = cfg.TokenSource(context.Background(), &oauth2.Token{RefreshToken: old.RefreshToken}).Token()
			assertRetrieveError(t, err, http.StatusBadRequest, ErrInvalidGrant)
		})
	}
}

// TestOAuth2CloudNoRefreshWithoutOfflineAccess: Cloud gives a refresh token
// only for offline_access.
func TestOAuth2CloudNoRefreshWithoutOfflineAccess(t *testing.T) {
	m := newMock(t, Config{Flavor: Cloud, AutoApprove: "5b10a2844c20165700ede21g"})
	tok, err := DanceOAuth2(context.Background(), m.URL(), OAuth2Dance{Flavor: Cloud, Scopes: []string{"read:me"}})
	if err != nil {
		t.Fatal(err)
	}
	if tok.RefreshToken != "" {
		t.Errorf("refresh token %q without offline_access", tok.RefreshToken)
	}
}

// assertRetrieveError checks an x/oauth2 token endpoint error.
func assertRetrieveError(t *testing.T, err error, status int, code string) {
	t.Helper()
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) {
		t.Fatalf("error %v, want a *oauth2.RetrieveError %s", err, code)
	}
	if re.Response.StatusCode != status || re.ErrorCode != code || re.ErrorDescription == "" {
		t.Fatalf("token endpoint answered %d %q (%q), want %d %s with a description", re.Response.StatusCode, re.ErrorCode, re.ErrorDescription, status, code)
	}
}
