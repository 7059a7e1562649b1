package jsonwebtoken

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/rsa"
)

// publicOf returns the public half of a private key.
func publicOf(priv interface{}) interface{} {
	if s, ok := priv.(crypto.Signer); ok {
		return s.Public()
	}
	return nil
}

// describe fills keyInfo for a parsed key of type typ ("public"/"private").
func describe(k interface{}, typ string) *keyInfo {
	info := &keyInfo{Type: typ}
	switch x := k.(type) {
	case *rsa.PrivateKey:
		info.AsymmetricKeyType, info.ModulusLength, info.rsaPriv = "rsa", x.N.BitLen(), x
	case *rsa.PublicKey:
		info.AsymmetricKeyType, info.ModulusLength, info.rsaPub = "rsa", x.N.BitLen(), x
	case *ecdsa.PrivateKey, *ecdsa.PublicKey:
		info.AsymmetricKeyType = "ec"
	default:
		info.AsymmetricKeyType = "ed25519"
	}
	return info
}
