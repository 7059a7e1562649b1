package publish

import (
	"errors"
	"fmt"
	"testing"
)

// TestFaultOf: the verification's failure, a taken name and an unusable
// backup are not the tenant's fault; anything else is.
func TestFaultOf(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want Fault
	}{
		{&Error{Step: "verify", Err: ErrVerify}, FaultVerify},
		{&Error{Step: "find", Err: ErrOtherStrategy}, FaultInput},
		{fmt.Errorf("%w: x.json is not JSON", ErrBackup), FaultInput},
		{&Error{Step: "backup", Err: errors.New("permission denied")}, FaultInput},
		{&Error{Step: "update", Err: errors.New("HTTP 500")}, FaultTenant},
		{errors.New("dial tcp: refused"), FaultTenant},
	} {
		if got := FaultOf(tc.err); got != tc.want {
			t.Errorf("FaultOf(%v) = %d; want %d", tc.err, got, tc.want)
		}
	}
}
