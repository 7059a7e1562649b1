package cases

import (
	"strings"
	"testing"
	"time"
)

func TestParseProtocol(t *testing.T) {
	c, err := Parse("x", "x.json", []byte(`{"user":`+fredUser+`,"expect":{"error":{"kind":"timeout"}}}`))
	if err != nil || c.Protocol != "oauth1" {
		t.Fatalf("default protocol = %q, %v; want oauth1", c.Protocol, err)
	}
	c, err = Parse("x", "x.json", []byte(`{"protocol":"oauth2","token":{"scopes":["WRITE"],"expiresIn":"-1m"},"user":`+fredUser+`,"expect":{"error":{"kind":"callback"}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if c.Protocol != "oauth2" || len(c.Token.Scopes) != 1 || c.Token.Scopes[0] != "WRITE" || c.Token.ExpiresIn != -time.Minute {
		t.Errorf("oauth2 case = %q %+v", c.Protocol, c.Token)
	}
	for _, bad := range []struct{ data, where, msg string }{
		{`{"protocol":"oauth3","user":` + fredUser + `,"expect":{"error":{"kind":"callback"}}}`, "1:13", `protocol "oauth3" is unknown`},
		{`{"token":{"scopes":[]},"user":` + fredUser + `,"expect":{"error":{"kind":"callback"}}}`, "1:10", `add "protocol": "oauth2"`},
		{`{"protocol":"oauth2","token":{"expiresIn":"soon"},"user":` + fredUser + `,"expect":{"error":{"kind":"callback"}}}`, "1:43", `expiresIn "soon" is not a duration`},
	} {
		_, err := Parse("x", "x.json", []byte(bad.data))
		if err == nil || !strings.HasPrefix(err.Error(), "x.json:"+bad.where+": ") || !strings.Contains(err.Error(), bad.msg) {
			t.Errorf("Parse(%s) = %v; want x.json:%s: …%s", bad.data, err, bad.where, bad.msg)
		}
	}
}
