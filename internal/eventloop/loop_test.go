package eventloop

import (
	"errors"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

// record returns a job that appends name to *got.
func record(got *[]string, name string) Job {
	return func() error { *got = append(*got, name); return nil }
}

func TestPhaseOrder(t *testing.T) {
	l := New(nil)
	var got []string
	enqueue := l.RegisterCallback()
	enqueue(record(&got, "poll"))
	l.Immediate(record(&got, "immediate"))
	l.Schedule(NewTask(record(&got, "timer")), 0)
	time.Sleep(time.Millisecond)
	if err := l.Run(nil, nil); err != nil {
		t.Fatal(err)
	}
	if want := []string{"timer", "poll", "immediate"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("order %v, want %v (timers, poll, check)", got, want)
	}
}

func TestTimersByDueTimeThenCreation(t *testing.T) {
	l := New(nil)
	var got []string
	l.Schedule(NewTask(record(&got, "b20")), 20*time.Millisecond)
	l.Schedule(NewTask(record(&got, "a5")), 5*time.Millisecond)
	l.Schedule(NewTask(record(&got, "c20")), 20*time.Millisecond)
	if err := l.Run(nil, nil); err != nil {
		t.Fatal(err)
	}
	// b20 and c20 may be due at slightly different instants; either way b20,
	// created first, must not run after c20.
	if want := []string{"a5", "b20", "c20"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("order %v, want %v", got, want)
	}
}

func TestSameDueTimeKeepsCreationOrder(t *testing.T) {
	l := New(nil)
	var got []string
	tasks := []*Task{NewTask(record(&got, "1")), NewTask(record(&got, "2")), NewTask(record(&got, "3"))}
	for _, tk := range tasks {
		l.Schedule(tk, 0)
	}
	when := tasks[0].when
	for _, tk := range tasks {
		tk.when = when // force equal due times; only seq decides
	}
	if err := l.Run(nil, nil); err != nil {
		t.Fatal(err)
	}
	if want := []string{"1", "2", "3"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("order %v, want %v", got, want)
	}
}

func TestImmediatesQueuedDuringCheckRunNextTurn(t *testing.T) {
	l := New(nil)
	var got []string
	l.Immediate(func() error {
		got = append(got, "imm1")
		l.Immediate(record(&got, "imm-nested"))
		l.RegisterCallback()(record(&got, "poll"))
		return nil
	})
	l.Immediate(record(&got, "imm2"))
	if err := l.Run(nil, nil); err != nil {
		t.Fatal(err)
	}
	if want := []string{"imm1", "imm2", "poll", "imm-nested"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("order %v, want %v", got, want)
	}
}

func TestUnscheduleAndCancel(t *testing.T) {
	l := New(nil)
	var got []string
	tk := NewTask(record(&got, "timer"))
	l.Schedule(tk, time.Hour)
	if !l.Unschedule(tk) {
		t.Fatal("Unschedule of a scheduled task reported false")
	}
	if l.Unschedule(tk) {
		t.Fatal("second Unschedule reported true")
	}
	imm := l.Immediate(record(&got, "immediate"))
	l.CancelImmediate(imm)
	if err := l.Run(nil, nil); err != nil {
		t.Fatal(err)
	}
	if len(got) != 0 {
		t.Fatalf("canceled work ran: %v", got)
	}
}

func TestRescheduleMovesTask(t *testing.T) {
	l := New(nil)
	n := 0
	tk := NewTask(func() error { n++; return nil })
	l.Schedule(tk, time.Hour)
	l.Schedule(tk, 0)
	if len(l.timers) != 1 {
		t.Fatalf("%d timers after rescheduling one task, want 1", len(l.timers))
	}
	if err := l.Run(nil, nil); err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Fatalf("task ran %d times, want 1", n)
	}
}

func TestClearTimers(t *testing.T) {
	l := New(nil)
	ran := false
	l.Schedule(NewTask(func() error { ran = true; return nil }), time.Hour)
	l.Immediate(func() error { ran = true; return nil })
	l.ClearTimers()
	if err := l.Run(nil, nil); err != nil || ran {
		t.Fatalf("Run after ClearTimers: err %v, ran %v; want nil, false", err, ran)
	}
}

func TestRegisterWaitsForGoroutine(t *testing.T) {
	l := New(nil)
	var got []string
	enqueue := l.RegisterCallback()
	if l.Pending() != 1 {
		t.Fatalf("Pending = %d after RegisterCallback, want 1", l.Pending())
	}
	go func() {
		time.Sleep(20 * time.Millisecond)
		enqueue(record(&got, "late"))
		enqueue(record(&got, "twice")) // ignored: enqueue works once
	}()
	if err := l.Run(nil, nil); err != nil {
		t.Fatal(err)
	}
	if want := []string{"late"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("ran %v, want %v", got, want)
	}
	if l.Pending() != 0 {
		t.Fatalf("Pending = %d after Run, want 0", l.Pending())
	}
}

func TestEnqueueNilEndsPendingWork(t *testing.T) {
	l := New(nil)
	enqueue := l.RegisterCallback()
	go enqueue(nil)
	done := make(chan error, 1)
	go func() { done <- l.Run(nil, nil) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not end after enqueue(nil)")
	}
}

func TestEmptyLoopReturnsAtOnce(t *testing.T) {
	if err := New(nil).Run(nil, nil); err != nil {
		t.Fatal(err)
	}
}

func TestStopEndsWaiting(t *testing.T) {
	l := New(nil)
	l.RegisterCallback() // never enqueued
	stop := make(chan struct{})
	time.AfterFunc(10*time.Millisecond, func() { close(stop) })
	done := make(chan error, 1)
	go func() { done <- l.Run(stop, nil) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run after stop = %v, want nil", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run ignored stop")
	}
}

func TestStopKeepsUnrunWork(t *testing.T) {
	l := New(nil)
	stop := make(chan struct{})
	var got []string
	enqueue1, enqueue2 := l.RegisterCallback(), l.RegisterCallback()
	enqueue1(func() error { got = append(got, "first"); close(stop); return nil })
	enqueue2(record(&got, "second"))
	if err := l.Run(stop, nil); err != nil {
		t.Fatal(err)
	}
	if want := []string{"first"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("ran %v before stop, want %v", got, want)
	}
	if err := l.Run(nil, nil); err != nil {
		t.Fatal(err)
	}
	if want := []string{"first", "second"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("after a second Run %v, want %v (the stop kept the job)", got, want)
	}
}

func TestDoneEndsAfterJob(t *testing.T) {
	l := New(nil)
	var got []string
	l.Immediate(record(&got, "a"))
	l.Immediate(record(&got, "b"))
	if err := l.Run(nil, func() bool { return len(got) == 1 }); err != nil {
		t.Fatal(err)
	}
	if want := []string{"a"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("ran %v, want %v", got, want)
	}
}

func TestJobErrorEndsRun(t *testing.T) {
	l := New(nil)
	boom := errors.New("boom")
	ran := false
	l.Immediate(func() error { return boom })
	l.Immediate(func() error { ran = true; return nil })
	if err := l.Run(nil, nil); !errors.Is(err, boom) {
		t.Fatalf("Run = %v, want %v", err, boom)
	}
	if ran {
		t.Fatal("a job after the failing one ran")
	}
}

func TestAfterJobRunsAfterEachJobAndCanFail(t *testing.T) {
	var got []string
	boom := errors.New("after")
	calls := 0
	l := New(func() error {
		calls++
		got = append(got, "after")
		if calls == 2 {
			return boom
		}
		return nil
	})
	l.Immediate(record(&got, "a"))
	l.Immediate(record(&got, "b"))
	l.Immediate(record(&got, "c"))
	if err := l.Run(nil, nil); !errors.Is(err, boom) {
		t.Fatalf("Run = %v, want %v", err, boom)
	}
	if want := []string{"a", "after", "b", "after"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("ran %v, want %v", got, want)
	}
}

func TestPanicInJobBecomesPanicError(t *testing.T) {
	l := New(nil)
	l.Immediate(func() error { panic("kaboom") })
	err := l.Run(nil, nil)
	var pe *PanicError
	if !errors.As(err, &pe) {
		t.Fatalf("Run = %v (%T), want *PanicError", err, err)
	}
	if pe.Value != "kaboom" || !strings.Contains(string(pe.Stack), "TestPanicInJobBecomesPanicError") {
		t.Fatalf("PanicError{Value: %v, stack has test frame: %v}", pe.Value, strings.Contains(string(pe.Stack), "TestPanicInJobBecomesPanicError"))
	}
	if !strings.Contains(err.Error(), "kaboom") {
		t.Fatalf("Error() = %q, want the panic value", err.Error())
	}
}

func TestPanicInAfterJob(t *testing.T) {
	l := New(func() error { panic(errors.New("after panicked")) })
	l.Immediate(func() error { return nil })
	var pe *PanicError
	if err := l.Run(nil, nil); !errors.As(err, &pe) {
		t.Fatalf("Run = %v, want *PanicError", err)
	}
}

// TestConcurrentEnqueue hands work back from many goroutines at once; run it
// with -race. Every job runs exactly once, on the loop's goroutine.
func TestConcurrentEnqueue(t *testing.T) {
	l := New(nil)
	const n = 200
	count := 0 // loop goroutine only: the race detector checks it
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		enqueue := l.RegisterCallback()
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = l.Pending()
			enqueue(func() error {
				count++
				if count%10 == 0 { // jobs may register more work
					l.RegisterCallback()(func() error { count += 1000; return nil })
				}
				return nil
			})
		}()
	}
	if err := l.Run(nil, nil); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	if want := n + n/10*1000; count != want {
		t.Fatalf("count = %d, want %d", count, want)
	}
}
