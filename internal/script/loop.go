package script

import (
	"container/heap"
	"sync"
	"time"
)

// loop is a run's event loop, modelled on k6's (docs/fidelity.md "goja") and ordered like
// Node's (libuv phases):
//
//  1. timers: every timer that is due runs, earliest first, and in creation
//     order among timers due at the same time (Node's timer lists);
//  2. poll: work handed back from goroutines (an HTTP response) runs in the
//     order it arrived;
//  3. check: the setImmediate callbacks queued before this phase began run,
//     in the order they were queued.
//
// Timers and immediates live on the loop's goroutine, so their order never
// depends on goroutine scheduling. Work that will come back from a goroutine
// registers first and so counts as pending; the loop is idle when nothing is
// queued, pending, timed or immediate. goja_nodejs's eventloop.Run only waits
// for timers and can lose work handed back from goroutines, which is why this
// loop exists.
type loop struct {
	mu      sync.Mutex
	queue   []func() error
	pending int
	wake    chan struct{}

	// afterJob runs after every job, once goja has run its microtasks
	// (rejections.go); an error ends the loop like a throw.
	afterJob func() error

	// Loop goroutine only.
	timers     timerHeap
	seq        uint64
	immediates []*loopTask
}

// loopTask is one timer firing or one immediate.
type loopTask struct {
	when  time.Time
	seq   uint64
	index int // in timers; -1 when not scheduled
	job   func() error
}

func newLoop() *loop { return &loop{wake: make(chan struct{}, 1)} }

// register counts one piece of pending work and returns the function that
// hands its job back. The returned function must be called exactly once, from
// any goroutine; a nil job just ends the pending work.
func (l *loop) register() func(job func() error) {
	l.mu.Lock()
	l.pending++
	l.mu.Unlock()
	var once sync.Once
	return func(job func() error) {
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

// schedule sets t to run after d (loop goroutine only). A scheduled task is
// moved, not duplicated.
func (l *loop) schedule(t *loopTask, d time.Duration) {
	l.unschedule(t)
	l.seq++
	t.when, t.seq = time.Now().Add(d), l.seq
	heap.Push(&l.timers, t)
}

// unschedule removes t if it is scheduled; it reports whether it was.
func (l *loop) unschedule(t *loopTask) bool {
	if t.index < 0 || t.index >= len(l.timers) || l.timers[t.index] != t {
		return false
	}
	heap.Remove(&l.timers, t.index)
	return true
}

// immediate queues job for the check phase and returns its task.
func (l *loop) immediate(job func() error) *loopTask {
	t := &loopTask{job: job, index: -1}
	l.immediates = append(l.immediates, t)
	return t
}

// cancelImmediate drops a queued immediate.
func (l *loop) cancelImmediate(t *loopTask) {
	for i, q := range l.immediates {
		if q == t {
			l.immediates = append(l.immediates[:i:i], l.immediates[i+1:]...)
			return
		}
	}
}

// clearTimers drops every timer and immediate (the run is over).
func (l *loop) clearTimers() {
	for _, t := range l.timers {
		t.index = -1
	}
	l.timers, l.immediates = nil, nil
}

// run runs the loop until it is idle (returns nil), a job fails (returns its
// error), stop is closed (returns nil) or done reports true after a job.
func (l *loop) run(stop <-chan struct{}, done func() bool) error {
	var wait *time.Timer
	defer func() {
		if wait != nil {
			wait.Stop()
		}
	}()
	for {
		// 1. timers
		now := time.Now()
		for len(l.timers) > 0 && !l.timers[0].when.After(now) {
			t := heap.Pop(&l.timers).(*loopTask)
			if stopped, err := l.runJob(stop, done, t.job); stopped || err != nil {
				return err
			}
		}
		// 2. poll
		l.mu.Lock()
		jobs := l.queue
		l.queue = nil
		l.mu.Unlock()
		for i, job := range jobs {
			if stopped, err := l.runJob(stop, done, job); stopped || err != nil {
				l.requeue(jobs[i+1:])
				return err
			}
		}
		// 3. check
		imm := l.immediates
		l.immediates = nil
		for i, t := range imm {
			if stopped, err := l.runJob(stop, done, t.job); stopped || err != nil {
				l.immediates = append(imm[i+1:len(imm):len(imm)], l.immediates...)
				return err
			}
		}

		l.mu.Lock()
		queued, pending := len(l.queue), l.pending
		l.mu.Unlock()
		if queued == 0 && pending == 0 && len(l.timers) == 0 && len(l.immediates) == 0 {
			return nil
		}
		if queued > 0 || len(l.immediates) > 0 {
			continue
		}
		var due <-chan time.Time
		if len(l.timers) > 0 {
			d := time.Until(l.timers[0].when)
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

// runJob runs one job unless the loop was stopped; stopped reports whether
// the loop must end (stop closed, or done after the job).
func (l *loop) runJob(stop <-chan struct{}, done func() bool, job func() error) (stopped bool, err error) {
	select {
	case <-stop:
		return true, nil
	default:
	}
	if err := job(); err != nil {
		return true, err
	}
	if l.afterJob != nil {
		if err := l.afterJob(); err != nil {
			return true, err
		}
	}
	return done(), nil
}

func (l *loop) requeue(jobs []func() error) {
	if len(jobs) == 0 {
		return
	}
	l.mu.Lock()
	l.queue = append(jobs, l.queue...)
	l.mu.Unlock()
}

// timerHeap orders timers by due time, then by creation (container/heap).
type timerHeap []*loopTask

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if h[i].when.Equal(h[j].when) {
		return h[i].seq < h[j].seq
	}
	return h[i].when.Before(h[j].when)
}
func (h timerHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index, h[j].index = i, j
}
func (h *timerHeap) Push(x any) {
	t := x.(*loopTask)
	t.index = len(*h)
	*h = append(*h, t)
}
func (h *timerHeap) Pop() any {
	old := *h
	t := old[len(old)-1]
	old[len(old)-1] = nil
	t.index = -1
	*h = old[:len(old)-1]
	return t
}
