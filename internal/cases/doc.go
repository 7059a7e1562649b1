// Package cases loads the test cases of `bridge test`.
//
// A case is one JSON file in a cases directory. Its name is its path below that
// directory, with forward slashes and without ".json" (server/fred.json is the
// case "server/fred"). Files and directories whose names start with "." are
// skipped. The file format:
//
//	{
//	  "description": "what the case shows",            // optional
//	  "flavor": "server" | "cloud",                    // optional, default "server"
//	  "protocol": "oauth1" | "oauth2",                 // optional, default "oauth1": the script's calling convention
//	  "token": {"scopes": ["READ"], "expiresIn": "-1m"}, // oauth2 only: the access token's scopes and life (negative: expired)
//	  "user": { …a JIRA user object… },                 // required: what the mock serves for this case
//	  "faults": {                                       // optional: jiramock.Faults
//	    "session" | "user" | "myself" | "me" | "accessible-resources": {
//	      "status": 500, "body": "…", "contentType": "text/html",
//	      "delay": "2s", "redirect": "/path", "drop": true
//	    }
//	  },
//	  "timeout": "200ms",                               // optional: the script's time limit for this case
//	  "expect": {                                       // required, exactly one of:
//	    "profile": { … },                               //   the profile, matched exactly (fields, types, values)
//	    "error": {"kind": "exception", "message": "regexp"}  // or the outcome kind and a message regexp
//	    "match": "exact" | "subset",                     //   optional, with a profile: "subset" compares only the fields listed
//	    "warnings": ["email_missing", "null"]            //   optional, with a profile: the warning rules the case expects
//	  }
//	}
//
// Expected warnings do not fail the case under --strict, and each must occur
// (a stale one fails the case); a warning not listed still fails it under
// --strict.
//
// Loading is strict: malformed JSON, an unknown or duplicated field, a wrong
// type, an unknown flavor, fault or outcome kind, a bad regexp or duration, or
// an expectation of both a profile and an error is an error naming
// file:line:col and what to fix. Every bad file is reported, not just the first.
// A good file is decoded once, strictly (json.Unmarshal, then its field names
// checked against the schema on the raw bytes); only a file with a problem is
// walked token by token to locate it, which costs about twice as much (1,000
// generated cases: BenchmarkParse 270-320 ms before, 115-130 ms after).
//
// The error kinds are the script runtime's outcome kinds other than "profile":
// callback, exception, timeout, double_callback, memory, syntax and crash. The message
// regexp uses Go syntax (RE2) and matches anywhere in the message; an empty or
// missing message matches any.
package cases
