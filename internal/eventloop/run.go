package eventloop

import (
	"container/heap"
	"fmt"
	"runtime/debug"
	"time"
)

// PanicError is what Run returns when a job (or afterJob) panicked.
type PanicError struct {
	Value any    // what was passed to panic
	Stack []byte // the job's goroutine stack at the panic
}

func (e *PanicError) Error() string { return fmt.Sprintf("eventloop: a job panicked: %v", e.Value) }

// Run runs the loop until it is idle (returns nil), a job fails (returns its
// error), stop is closed (returns nil) or done reports true after a job. Work
// that a stop left unrun stays queued.
func (l *Loop) Run(stop <-chan struct{}, done func() bool) error {
	var wait *time.Timer
	defer func() {
		if wait != nil {
			wait.Stop()
		}
	}()
	for {
		if end, err := l.phases(stop, done); end {
			return err
		}
		idle, ready := l.idle()
		if idle {
			return nil
		}
		if ready {
			continue
		}
		var due <-chan time.Time
		if d, ok := l.nextDue(); ok {
			if d <= 0 {
				continue
			}
			if wait == nil {
				wait = time.NewTimer(d)
			} else {
				wait.Reset(d)
			}
			due = wait.C
		}
		select {
		case <-l.wake:
		case <-due:
		case <-stop:
			return nil
		}
	}
}

// phases runs one turn: due timers, then the poll queue, then immediates.
func (l *Loop) phases(stop <-chan struct{}, done func() bool) (end bool, err error) {
	now := time.Now()
	for len(l.timers) > 0 && !l.timers[0].when.After(now) {
		if stopped(stop) {
			return true, nil
		}
		t := heap.Pop(&l.timers).(*Task)
		if end, err := l.runJob(done, t.job); end {
			return true, err
		}
	}
	jobs := l.takeQueue()
	for i, job := range jobs {
		if stopped(stop) {
			l.requeue(jobs[i:])
			return true, nil
		}
		if end, err := l.runJob(done, job); end {
			l.requeue(jobs[i+1:])
			return true, err
		}
	}
	imm := l.immediates
	l.immediates = nil
	for i, t := range imm {
		if stopped(stop) {
			l.immediates = append(imm[i:len(imm):len(imm)], l.immediates...)
			return true, nil
		}
		if end, err := l.runJob(done, t.job); end {
			l.immediates = append(imm[i+1:len(imm):len(imm)], l.immediates...)
			return true, err
		}
	}
	return false, nil
}

// stopped reports whether stop is closed.
func stopped(stop <-chan struct{}) bool {
	select {
	case <-stop:
		return true
	default:
		return false
	}
}

// runJob runs one job and afterJob; end reports whether the loop must end (an
// error, or done after the job).
func (l *Loop) runJob(done func() bool, job Job) (end bool, err error) {
	if err := protect(job); err != nil {
		return true, err
	}
	if l.afterJob != nil {
		if err := protect(l.afterJob); err != nil {
			return true, err
		}
	}
	return done != nil && done(), nil
}

// protect runs job and turns a panic into a *PanicError.
func protect(job Job) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &PanicError{Value: v, Stack: debug.Stack()}
		}
	}()
	return job()
}
