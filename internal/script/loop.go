package script

import "sync"

// loop is a run's event loop, modelled on k6's (FACTS §7): work that will come
// back later (a timer, an HTTP response) registers first and so counts as
// pending; goroutines hand their result back through enqueue; the loop runs
// jobs on the runtime's goroutine and is idle when no job is queued and nothing
// is pending. goja_nodejs's eventloop.Run only waits for timers and can lose
// work handed back from goroutines, which is why this loop exists.
type loop struct {
	mu      sync.Mutex
	queue   []func() error
	pending int
	wake    chan struct{}
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

// pendingCount returns how much registered work has not come back yet.
func (l *loop) pendingCount() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.pending
}

// run runs queued jobs until the loop is idle (returns nil), a job fails
// (returns its error), stop is closed (returns nil) or done reports true after
// a job.
func (l *loop) run(stop <-chan struct{}, done func() bool) error {
	for {
		l.mu.Lock()
		jobs := l.queue
		l.queue = nil
		idle := len(jobs) == 0 && l.pending == 0
		l.mu.Unlock()
		if idle {
			return nil
		}
		if len(jobs) == 0 {
			select {
			case <-l.wake:
				continue
			case <-stop:
				return nil
			}
		}
		for i, job := range jobs {
			select {
			case <-stop:
				return nil
			default:
			}
			if err := job(); err != nil {
				l.requeue(jobs[i+1:])
				return err
			}
			if done() {
				l.requeue(jobs[i+1:])
				return nil
			}
		}
	}
}

func (l *loop) requeue(jobs []func() error) {
	if len(jobs) == 0 {
		return
	}
	l.mu.Lock()
	l.queue = append(jobs, l.queue...)
	l.mu.Unlock()
}
