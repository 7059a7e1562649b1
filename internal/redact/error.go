package redact

// Err is err with the secrets masked in its text; errors.Is and As still see
// err. A nil err stays nil.
func (r *Redactor) Err(err error) error {
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
