package eventloop

import (
	"sync"
	"time"
)

// Job is one piece of work run on the loop's goroutine; an error ends Run.
type Job func() error

// Loop is one run's event loop. RegisterCallback may be called from the
// loop's goroutine only; the enqueue function it returns, from any goroutine.
// Everything else is for the loop's goroutine (the caller of Run and its jobs).
type Loop struct {
	mu      sync.Mutex
	queue   []Job
	pending int
	wake    chan struct{}

	afterJob Job

	// Loop goroutine only.
	timers     timerHeap
	seq        uint64
	immediates []*Task
}

// New returns an empty loop. afterJob, if not nil, runs after every job (the
// runner uses it to report unhandled promise rejections once goja has run its
// microtasks); its error ends Run like a job's.
func New(afterJob Job) *Loop {
	return &Loop{wake: make(chan struct{}, 1), afterJob: afterJob}
}

// RegisterCallback counts one piece of pending work and returns the function
// that hands its job back (k6's RegisterCallback). The returned function must
// be called once, from any goroutine; later calls do nothing. A nil job just
// ends the pending work.
func (l *Loop) RegisterCallback() (enqueue func(Job)) {
	l.mu.Lock()
	l.pending++
	l.mu.Unlock()
	var once sync.Once
	return func(job Job) {
		once.Do(func() {
			l.mu.Lock()
			l.pending--
			if job != nil {
				l.queue = append(l.queue, job)
			}
			l.mu.Unlock()
			select {
			case l.wake <- struct{}{}:
			default:
			}
		})
	}
}

// Pending returns how much registered work has not come back yet.
func (l *Loop) Pending() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.pending
}

// requeue puts jobs that a stop left unrun back in front of the queue.
func (l *Loop) requeue(jobs []Job) {
	if len(jobs) == 0 {
		return
	}
	l.mu.Lock()
	l.queue = append(jobs, l.queue...)
	l.mu.Unlock()
}

// takeQueue empties the poll queue and returns what was in it.
func (l *Loop) takeQueue() []Job {
	l.mu.Lock()
	defer l.mu.Unlock()
	jobs := l.queue
	l.queue = nil
	return jobs
}

// idle reports whether nothing is queued, pending, timed or immediate, and
// whether something is ready to run now (queued or immediate).
func (l *Loop) idle() (idle, ready bool) {
	l.mu.Lock()
	queued, pending := len(l.queue), l.pending
	l.mu.Unlock()
	ready = queued > 0 || len(l.immediates) > 0
	return !ready && pending == 0 && len(l.timers) == 0, ready
}

// nextDue returns how long until the earliest timer; ok is false without timers.
func (l *Loop) nextDue() (d time.Duration, ok bool) {
	if len(l.timers) == 0 {
		return 0, false
	}
	return time.Until(l.timers[0].when), true
}
