// Package report is the result of one suite run and its three renderings.
//
// A Report holds the script, its findings (the size limit of docs/auth0.md
// "The sandbox"), every Case with its verdict, and the Summary. Each case
// carries what the suite saw: the expectation, the script's outcome (profile
// or error, console output, requests), the profile findings of
// internal/profile, the field diff of the expected and actual profiles, and
// the mock JIRA's log for the case.
//
// The renderings:
//   - WriteText, the human report of `bridge test`: one line per case with
//     its time, the details of each failure (the diff with jsondiff's marks,
//     ~ changed, ! type changed, + added, - missing; the outcome, message and
//     JS stack with the script line quoted; console, requests, mock log), and
//     a closing "N passed, N failed" line;
//   - WriteJSON, the same as one JSON document (`--json`);
//   - WriteJUnit, JUnit XML (`--junit FILE`) as GitHub Actions and GitLab
//     reporters read it.
//
// Diff compares an expected profile with the script's through
// internal/jsondiff (numbers by value, member order free, unambiguous
// paths). Reports only render: the suite (internal/suite) decides verdicts.
package report
