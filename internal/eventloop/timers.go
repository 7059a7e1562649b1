package eventloop

import (
	"container/heap"
	"time"
)

// Task is one timer firing or one immediate. A Task is scheduled with
// Schedule or queued with Immediate; a scheduled Task may be moved by
// scheduling it again.
type Task struct {
	job   Job
	when  time.Time
	seq   uint64
	index int // in Loop.timers; -1 when not scheduled
}

// NewTask returns an unscheduled task that runs job.
func NewTask(job Job) *Task { return &Task{job: job, index: -1} }

// Schedule sets t to run after d. A scheduled task is moved, not duplicated.
func (l *Loop) Schedule(t *Task, d time.Duration) {
	l.Unschedule(t)
	l.seq++
	t.when, t.seq = time.Now().Add(d), l.seq
	heap.Push(&l.timers, t)
}

// Unschedule removes t if it is scheduled; it reports whether it was.
func (l *Loop) Unschedule(t *Task) bool {
	if t.index < 0 || t.index >= len(l.timers) || l.timers[t.index] != t {
		return false
	}
	heap.Remove(&l.timers, t.index)
	return true
}

// Immediate queues job for the check phase and returns its task.
func (l *Loop) Immediate(job Job) *Task {
	t := NewTask(job)
	l.immediates = append(l.immediates, t)
	return t
}

// CancelImmediate drops a queued immediate.
func (l *Loop) CancelImmediate(t *Task) {
	for i, q := range l.immediates {
		if q == t {
			l.immediates = append(l.immediates[:i:i], l.immediates[i+1:]...)
			return
		}
	}
}

// ClearTimers drops every timer and immediate (the run is over).
func (l *Loop) ClearTimers() {
	for _, t := range l.timers {
		t.index = -1
	}
	l.timers, l.immediates = nil, nil
}
