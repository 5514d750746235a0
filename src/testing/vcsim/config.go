package main

import (
	"sync"
	"time"
)

// timing holds the run-time adjustable durations; the control API changes them.
type timing struct {
	TaskDuration   time.Duration
	MethodDuration map[string]time.Duration
	QueueDelay     time.Duration
	GuestDelay     time.Duration
	TaskRetention  time.Duration
}

type config struct {
	Listen       string
	Port         int
	TLS          bool
	Username     string
	Password     string
	VMsPerPool   int
	ClusterHosts int
	Verbose      bool
	Timing       timing
}

func defaultConfig() config {
	return config{
		Listen:       "127.0.0.1",
		Port:         0,
		Username:     "administrator@vsphere.local",
		Password:     "vcsim-Passw0rd!",
		VMsPerPool:   2,
		ClusterHosts: 3,
		Timing: timing{
			TaskDuration:   2 * time.Second,
			MethodDuration: map[string]time.Duration{},
			QueueDelay:     50 * time.Millisecond,
			GuestDelay:     1 * time.Second,
			TaskRetention:  10 * time.Minute,
		},
	}
}

// timings guards the timing values shared by the task runners and the control API.
type timings struct {
	mu sync.RWMutex
	t  timing
}

func (s *timings) get() timing {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.t
}

func (s *timings) durationOf(method string) time.Duration {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if d, ok := s.t.MethodDuration[method]; ok {
		return d
	}
	return s.t.TaskDuration
}

func (s *timings) update(f func(t *timing)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	copied := make(map[string]time.Duration, len(s.t.MethodDuration))
	for k, v := range s.t.MethodDuration {
		copied[k] = v
	}
	s.t.MethodDuration = copied
	f(&s.t)
}
