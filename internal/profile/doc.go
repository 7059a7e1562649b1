// Package profile checks the object a fetchUserProfile script hands to
// cb(null, profile) against the rules of Auth0's normalized user profile, and
// the script source against Auth0's size limit.
//
// The rules (docs/auth0.md "The sandbox", Auth0 "Normalized User Profiles" and the oauth1
// connection docs):
//
//   - user_id is required in practice: present and non-empty, a string or a number.
//   - email is a string that looks like an address; email_verified is a boolean.
//   - name, nickname, given_name, family_name and username are strings.
//   - picture is an absolute http(s) URL.
//   - No attribute name, at any depth, contains '.' or '$'.
//   - The script source is at most 51,200 characters.
//
// Findings are errors or warnings. Errors fail a test case; warnings (no email
// at all, null values, a script close to the size limit) are shown and fail a
// case only in strict mode.
//
// Assumptions, since Auth0 does not publish its validator:
//   - A null normalized field is a warning, not an error: Auth0 drops it.
//   - "Looks like an address" means net/mail parses the bare string as one
//     address without a display name (local@domain, no spaces).
//   - The script size counts UTF-16 code units, as JavaScript's String length
//     does, because Auth0 validates the script as a JavaScript string.
package profile
