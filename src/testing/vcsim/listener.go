package main

import (
	"net"
	"sync"
	"time"
)

// switchableListener lets the control API take the endpoint away: "refuse" closes the socket
// (clients get connection refused) and reopens it on the same address later; "drop" keeps it
// open but the SOAP handler closes every request's connection without an answer.
type switchableListener struct {
	addr string

	mu        sync.Mutex
	cond      *sync.Cond
	ln        net.Listener
	closed    bool
	dropUntil time.Time
	resumeAt  time.Time
}

func newSwitchableListener(ln net.Listener) *switchableListener {
	l := &switchableListener{addr: ln.Addr().String(), ln: ln}
	l.cond = sync.NewCond(&l.mu)
	return l
}

func (l *switchableListener) Accept() (net.Conn, error) {
	for {
		l.mu.Lock()
		for l.ln == nil && !l.closed {
			l.cond.Wait()
		}
		if l.closed {
			l.mu.Unlock()
			return nil, net.ErrClosed
		}
		ln := l.ln
		l.mu.Unlock()
		conn, err := ln.Accept()
		if err == nil {
			return conn, nil
		}
		l.mu.Lock()
		swapped := l.ln != ln && !l.closed
		l.mu.Unlock()
		if !swapped {
			return nil, err
		}
	}
}

func (l *switchableListener) Addr() net.Addr {
	addr, _ := net.ResolveTCPAddr("tcp", l.addr)
	return addr
}

func (l *switchableListener) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.closed = true
	l.cond.Broadcast()
	if l.ln != nil {
		return l.ln.Close()
	}
	return nil
}

// refuse closes the socket for d.
func (l *switchableListener) refuse(d time.Duration) {
	l.mu.Lock()
	if l.ln != nil {
		_ = l.ln.Close()
		l.ln = nil
	}
	l.resumeAt = time.Now().Add(d)
	l.mu.Unlock()
	time.AfterFunc(d, l.reopen)
}

func (l *switchableListener) reopen() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.ln != nil || l.closed || time.Now().Before(l.resumeAt) {
		return
	}
	for attempt := 0; attempt < 50; attempt++ {
		ln, err := net.Listen("tcp", l.addr)
		if err == nil {
			l.ln = ln
			l.cond.Broadcast()
			return
		}
		l.mu.Unlock()
		time.Sleep(100 * time.Millisecond)
		l.mu.Lock()
	}
}

func (l *switchableListener) drop(d time.Duration) {
	l.mu.Lock()
	l.dropUntil = time.Now().Add(d)
	l.mu.Unlock()
}

func (l *switchableListener) endOutage() {
	l.mu.Lock()
	l.dropUntil = time.Time{}
	l.resumeAt = time.Time{}
	l.mu.Unlock()
	l.reopen()
}

func (l *switchableListener) dropping() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return time.Now().Before(l.dropUntil)
}

type outageView struct {
	Refusing    bool    `json:"refusing"`
	Dropping    bool    `json:"dropping"`
	SecondsLeft float64 `json:"secondsLeft"`
}

func (l *switchableListener) view() outageView {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	v := outageView{Refusing: l.ln == nil && !l.closed, Dropping: now.Before(l.dropUntil)}
	if v.Dropping {
		v.SecondsLeft = l.dropUntil.Sub(now).Seconds()
	} else if v.Refusing {
		v.SecondsLeft = l.resumeAt.Sub(now).Seconds()
	}
	return v
}
