package redact

// Err is err with r's secrets masked in its message; errors.Is and errors.As
// still see err. A nil err stays nil.
func Err(r *Redactor, err error) error {
	if err == nil {
		return nil
	}
	return redactedErr{err: err, r: r}
}

type redactedErr struct {
	err error
	r   *Redactor
}

func (e redactedErr) Error() string { return e.r.String(e.err.Error()) }
func (e redactedErr) Unwrap() error { return e.err }
