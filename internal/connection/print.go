package connection

// Printed is what `bridge connection` prints for b in the json or har
// format (IaC formats go through WriteIaC): the indented body, or, with
// harBase set (the Auth0 tenant's base URL, "" for the placeholder), the
// POST as a HAR request. Unless showSecrets, the secrets read [REDACTED],
// wherever they appear.
func Printed(b Built, format Format, harBase string, showSecrets bool) []byte {
	shown := b
	if !showSecrets {
		shown = b.Masked()
	}
	out := shown.Indent()
	if format == FormatHAR {
		out = shown.HAR(harBase).Indent()
	}
	if !showSecrets {
		out = []byte(b.Redactor().String(string(out)))
	}
	return out
}
