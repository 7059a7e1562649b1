package report

import "os"

// WriteJUnitFile writes the report as JUnit XML to the file at path, created
// or truncated.
func WriteJUnitFile(path string, r *Report) error {
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := WriteJUnit(out, r); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
