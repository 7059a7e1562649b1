package auth0fake

import (
	"encoding/json"
	"net/http"
)

// writeError answers Auth0's error body {statusCode,error,message,errorCode}
// (docs/auth0.md "Management API" "Scopes and errors"). errorCode is left out when empty.
func writeError(w http.ResponseWriter, status int, errText, message, errorCode string) {
	writeJSON(w, status, struct {
		StatusCode int    `json:"statusCode"`
		Error      string `json:"error"`
		Message    string `json:"message"`
		ErrorCode  string `json:"errorCode,omitempty"`
	}{status, errText, message, errorCode})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func badRequest(w http.ResponseWriter, message string) {
	writeError(w, http.StatusBadRequest, "Bad Request", message, "invalid_body")
}

func insufficientScope(w http.ResponseWriter, scopes ...string) {
	msg := "Insufficient scope, expected any of: "
	for i, s := range scopes {
		if i > 0 {
			msg += ","
		}
		msg += s
	}
	writeError(w, http.StatusForbidden, "Forbidden", msg, "insufficient_scope")
}
