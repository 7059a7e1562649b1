package report

import "os"

// WriteJUnitFile writes r as JUnit XML (WriteJUnit) to the file at path,
// creating or truncating it.
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
