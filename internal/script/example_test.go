package script_test

import (
	"context"
	"fmt"

	"github.com/jira-auth0-bridge/bridge/internal/script"
)

func ExampleProgram_Run() {
	prog, err := script.Compile("inline.js", `function(token, tokenSecret, ctx, cb) {
  console.log('consumer', ctx.client_id, 'key', ctx.client_secret);
  cb(null, {user_id: 'fred', nickname: token});
}`)
	if err != nil {
		panic(err)
	}
	res := prog.Run(context.Background(), script.Options{
		Token: "tok", TokenSecret: "shh-secret",
		Ctx: script.ContextFor("https://jira.example.com", "auth0-jira", "-----BEGIN PRIVATE KEY-----\nMIIE...\n-----END PRIVATE KEY-----\n"),
	})
	fmt.Println(res.Outcome, string(res.Profile))
	fmt.Println(res.Console[0].Text)
	// Output:
	// profile {"user_id":"fred","nickname":"tok"}
	// consumer auth0-jira key [REDACTED]
}

func ExampleCompile() {
	_, err := script.Compile("broken.js", "function(token, tokenSecret, ctx, cb) {\n  var x = ;\n}")
	fmt.Println(err)
	// Output: broken.js:2:11: Unexpected token ';'
}
