package jiramock_test

import (
	"context"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"io"
	"net/url"

	"github.com/dghubble/oauth1"
	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
)

func testKey() *rsa.PrivateKey {
	block, _ := pem.Decode(bridge.TestPrivateKeyPEM)
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		panic(err)
	}
	return k.(*rsa.PrivateKey)
}

// A test mints an access token for a user of its own, then reads JIRA with
// any OAuth 1.0a RSA-SHA1 client.
func ExampleMock_MintAccessToken() {
	m, err := jiramock.New(jiramock.Config{Flavor: jiramock.Cloud})
	if err != nil {
		panic(err)
	}
	defer m.Close()
	token, secret, err := m.MintAccessToken(jiramock.Grant{ConsumerKey: bridge.DefaultConsumerKey, User: "5b10a2844c20165700ede21g"})
	if err != nil {
		panic(err)
	}
	cfg := &oauth1.Config{ConsumerKey: bridge.DefaultConsumerKey, Signer: &oauth1.RSASigner{PrivateKey: testKey()}}
	client := cfg.Client(context.Background(), oauth1.NewToken(token, secret))

	resp, err := client.Get(m.URL() + "/rest/api/2/myself")
	if err != nil {
		panic(err)
	}
	resp.Body.Close()
	fmt.Println(resp.StatusCode, resp.Header.Get("X-AACCOUNTID"))

	// Cloud refuses ?username= in GDPR strict mode.
	req, _ := client.Get(m.URL() + "/rest/api/2/user?username=mia")
	body, _ := io.ReadAll(req.Body)
	req.Body.Close()
	fmt.Println(req.StatusCode, string(body))

	fmt.Println(m.RequestsFor(token)[0].Verdict)
	// Output:
	// 200 5b10a2844c20165700ede21g
	// 400 {"errorMessages":["The query parameter 'username' is not supported in GDPR strict mode."],"errors":{}}
	// ok
}

// Dance does the 3-legged dance the way Auth0 does, through the approval page.
func ExampleDance() {
	m, err := jiramock.New(jiramock.Config{})
	if err != nil {
		panic(err)
	}
	defer m.Close()
	token, _, err := jiramock.Dance(context.Background(), m.URL(), bridge.DefaultConsumerKey, testKey(), "jdoe")
	if err != nil {
		panic(err)
	}
	for _, e := range m.Requests() {
		u, _ := url.Parse(e.Path)
		fmt.Println(e.Method, u.Path, e.Status)
	}
	fmt.Println(len(token))
	// Output:
	// POST /plugins/servlet/oauth/request-token 200
	// GET /plugins/servlet/oauth/authorize 200
	// POST /plugins/servlet/oauth/authorize 302
	// POST /plugins/servlet/oauth/access-token 200
	// 32
}
