package connection

import (
	"errors"
	"fmt"
	"strings"
)

// Named says err's problems (see Problems) with the name each setting goes
// by where the settings came from: names maps a Field to it, e.g. a command
// line's flag (cmd/bridge names its flags; this package only names fields).
// One problem reads "connection: NAME: reason" and still matches the
// *Error with errors.Is and As; several read as their count and one problem
// a line. A *FileError reads "NAME: reason"; any other err is returned as it
// is.
func Named(err error, names map[Field]string) error {
	if fe := (*FileError)(nil); errors.As(err, &fe) {
		return fmt.Errorf("%s: %w", nameOf(fe.Field, names), fe)
	}
	probs := Problems(err)
	switch len(probs) {
	case 0:
		return err
	case 1:
		return namedError{probs[0], names}
	}
	lines := make([]string, len(probs))
	for i, p := range probs {
		lines[i] = "  " + namedError{p, names}.Error()
	}
	return fmt.Errorf("%d problems with the connection settings:\n%s", len(probs), strings.Join(lines, "\n"))
}

// namedError is one problem said with its setting's name; a Field names
// lacks goes by its own identifier.
type namedError struct {
	e     *Error
	names map[Field]string
}

func (n namedError) Error() string {
	return "connection: " + nameOf(n.e.Field, n.names) + ": " + n.e.Reason()
}

// nameOf is f's name in names, or f itself.
func nameOf(f Field, names map[Field]string) string {
	if name, ok := names[f]; ok {
		return name
	}
	return string(f)
}

func (n namedError) Unwrap() error { return n.e }
