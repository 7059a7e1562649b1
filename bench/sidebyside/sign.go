package main

import (
	"testing"

	"github.com/dghubble/oauth1"
	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
)

// signBase is a base string like the script's user lookup signs (docs/node-oauth.md).
const signBase = "GET&http%3A%2F%2F127.0.0.1%3A41234%2Frest%2Fapi%2F2%2Fuser&expand%3Dgroups%26oauth_consumer_key%3Dauth0-jira%26oauth_nonce%3DPz7lPXjLyEwf8x3Q1OK3CPcatYd8IFfR%26oauth_signature_method%3DRSA-SHA1%26oauth_timestamp%3D1795903855%26oauth_token%3DAbCdEfGhIjKlMnOpQrStUvWxYz012345%26oauth_version%3D1.0%26username%3Dfred"

// signTimes returns signTime and the wall time per signature with every core
// signing at once (RunParallel): on cores that share a physical core or a
// thermal budget, the second is more than signTime / cores.
func signTimes() (single, parallel float64, err error) {
	if single, err = signTime(); err != nil {
		return 0, 0, err
	}
	key, _ := keys.ParsePrivateKey(bridge.TestPrivateKeyPEM, "the test key")
	signer := &oauth1.RSASigner{PrivateKey: key}
	res := testing.Benchmark(func(b *testing.B) {
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				_, _ = signer.Sign("", signBase)
			}
		})
	})
	return single, float64(res.NsPerOp()), nil
}

// signTime measures one RSA-SHA1 signature with the test key on the path the
// runtime's shim signs on (internal/script createSignature: a parsed, cached
// key and dghubble/oauth1's RSASigner), as internal/script's BenchmarkSign
// does: the unit of the RSA floor.
func signTime() (float64, error) {
	key, err := keys.ParsePrivateKey(bridge.TestPrivateKeyPEM, "the test key")
	if err != nil {
		return 0, err
	}
	signer := &oauth1.RSASigner{PrivateKey: key}
	var signErr error
	res := testing.Benchmark(func(b *testing.B) {
		for b.Loop() {
			if _, err := signer.Sign("", signBase); err != nil {
				signErr = err
			}
		}
	})
	return float64(res.NsPerOp()), signErr
}
