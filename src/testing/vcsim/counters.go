package main

import (
	"net"
	"net/http"
	"runtime"
	"sync"
	"syscall"
	"time"
)

// counters are what tests and benchmarks read to prove behaviour: SOAP calls per method,
// long-polls in flight, and connections that carried SOAP traffic (all from the server's side).
type counters struct {
	mu            sync.Mutex
	since         time.Time
	calls         map[string]int64
	longPolls     int
	peakLongPolls int
	conns         map[net.Conn]bool // true once the connection carried a SOAP call
	soapConns     int
	peakSOAPConns int
}

func newCounters() *counters {
	return &counters{since: time.Now(), calls: map[string]int64{}, conns: map[net.Conn]bool{}}
}

func (c *counters) call(method string) {
	c.mu.Lock()
	c.calls[method]++
	c.mu.Unlock()
}

func (c *counters) longPollStarted() {
	c.mu.Lock()
	c.longPolls++
	if c.longPolls > c.peakLongPolls {
		c.peakLongPolls = c.longPolls
	}
	c.mu.Unlock()
}

func (c *counters) longPollEnded() {
	c.mu.Lock()
	c.longPolls--
	c.mu.Unlock()
}

func (c *counters) connState(conn net.Conn, state http.ConnState) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch state {
	case http.StateNew:
		c.conns[conn] = false
	case http.StateClosed, http.StateHijacked:
		if c.conns[conn] {
			c.soapConns--
		}
		delete(c.conns, conn)
	}
}

func (c *counters) markSOAPConn(r *http.Request) {
	conn, ok := r.Context().Value(connKey{}).(net.Conn)
	if !ok {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if soap, known := c.conns[conn]; known && !soap {
		c.conns[conn] = true
		c.soapConns++
		if c.soapConns > c.peakSOAPConns {
			c.peakSOAPConns = c.soapConns
		}
	}
}

// closeSOAPConns cuts every connection that carries SOAP traffic, as a vCenter outage does.
func (c *counters) closeSOAPConns() int {
	c.mu.Lock()
	var victims []net.Conn
	for conn, soap := range c.conns {
		if soap {
			victims = append(victims, conn)
		}
	}
	c.mu.Unlock()
	for _, conn := range victims {
		if tcp, ok := conn.(*net.TCPConn); ok {
			_ = tcp.SetLinger(0)
		}
		_ = conn.Close()
	}
	return len(victims)
}

type countersView struct {
	Since                 time.Time        `json:"since"`
	Calls                 map[string]int64 `json:"calls"`
	TotalCalls            int64            `json:"totalCalls"`
	LongPollsInFlight     int              `json:"longPollsInFlight"`
	PeakLongPollsInFlight int              `json:"peakLongPollsInFlight"`
	SOAPConnections       int              `json:"soapConnections"`
	PeakSOAPConnections   int              `json:"peakSoapConnections"`
	Tasks                 taskStats        `json:"tasks"`
	CPUMillis             int64            `json:"cpuMillis"`
	HeapBytes             uint64           `json:"heapBytes"`
}

func (c *counters) view(tasks taskStats) countersView {
	c.mu.Lock()
	defer c.mu.Unlock()
	calls := make(map[string]int64, len(c.calls))
	var total int64
	for k, v := range c.calls {
		calls[k] = v
		total += v
	}
	return countersView{
		Since: c.since, Calls: calls, TotalCalls: total,
		LongPollsInFlight: c.longPolls, PeakLongPollsInFlight: c.peakLongPolls,
		SOAPConnections: c.soapConns, PeakSOAPConnections: c.peakSOAPConns, Tasks: tasks,
		CPUMillis: cpuMillis(), HeapBytes: heapBytes(),
	}
}

func (c *counters) reset() {
	c.mu.Lock()
	c.since = time.Now()
	c.calls = map[string]int64{}
	c.peakLongPolls = c.longPolls
	c.peakSOAPConns = c.soapConns
	c.mu.Unlock()
}

// cpuMillis is the simulator's own CPU time (user + system), so benchmarks can show it stays
// small next to the client's.
func cpuMillis() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return -1
	}
	return (ru.Utime.Sec+ru.Stime.Sec)*1000 + int64(ru.Utime.Usec+ru.Stime.Usec)/1000
}

func heapBytes() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
