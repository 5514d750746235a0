// Command vcsim runs govmomi's vCenter simulator model with the behaviour our tests need and
// vcsim 0.24 lacks: asynchronous, progressing, cancellable tasks; a wire format yavijava
// parses; fault injection; call counters; guest facts; and a JSON control API on /_sim/.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
)

type durationsFlag map[string]time.Duration

func (d durationsFlag) String() string { return fmt.Sprint(map[string]time.Duration(d)) }

func (d durationsFlag) Set(v string) error {
	parts := strings.SplitN(v, "=", 2)
	if len(parts) != 2 {
		return fmt.Errorf("want METHOD=DURATION, e.g. CloneVM_Task=3s, got %q", v)
	}
	dur, err := time.ParseDuration(parts[1])
	if err != nil {
		return err
	}
	d[parts[0]] = dur
	return nil
}

func main() {
	cfg := defaultConfig()
	perMethod := durationsFlag{}
	flag.StringVar(&cfg.Listen, "listen", cfg.Listen, "address to listen on")
	flag.IntVar(&cfg.Port, "port", cfg.Port, "port to listen on (0 picks a free port)")
	flag.BoolVar(&cfg.TLS, "tls", cfg.TLS, "serve HTTPS with a generated self-signed certificate")
	flag.StringVar(&cfg.Username, "username", cfg.Username, "login user name")
	flag.StringVar(&cfg.Password, "password", cfg.Password, "login password")
	flag.DurationVar(&cfg.Timing.TaskDuration, "task-duration", cfg.Timing.TaskDuration, "how long every *_Task runs")
	flag.Var(perMethod, "task-duration-for", "METHOD=DURATION, overrides --task-duration for one method (repeatable)")
	flag.DurationVar(&cfg.Timing.QueueDelay, "queue-delay", cfg.Timing.QueueDelay, "how long a task stays queued before it runs")
	flag.DurationVar(&cfg.Timing.GuestDelay, "guest-delay", cfg.Timing.GuestDelay, "delay between power-on and the guest reporting tools and an IP")
	flag.DurationVar(&cfg.Timing.TaskRetention, "task-retention", cfg.Timing.TaskRetention, "how long finished tasks stay known")
	flag.IntVar(&cfg.VMsPerPool, "vms", cfg.VMsPerPool, "virtual machines per resource pool in the generated inventory")
	flag.IntVar(&cfg.ClusterHosts, "cluster-hosts", cfg.ClusterHosts, "hosts per cluster in the generated inventory")
	flag.BoolVar(&cfg.Verbose, "verbose", cfg.Verbose, "log every SOAP call")
	flag.Parse()
	for m, d := range perMethod {
		cfg.Timing.MethodDuration[m] = d
	}

	if !cfg.Verbose {
		log.SetOutput(discardUnlessVerbose{})
	}

	sim, err := start(cfg)
	if err != nil {
		fmt.Fprintf(os.Stderr, "vcsim: %v\n", err)
		os.Exit(1)
	}
	// The first line is the SDK URL: scripts and the JUnit extension read it.
	fmt.Println(sim.sdkURL())
	fmt.Printf("username: %s\n", cfg.Username)
	fmt.Printf("password: %s\n", cfg.Password)
	fmt.Printf("control: %s\n", sim.controlURL())
	if cfg.TLS {
		fmt.Printf("thumbprint-sha256: %s\n", sim.thumbprint)
	}
	fmt.Println("ready")

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	<-sig
	sim.stop()
}

// discardUnlessVerbose swallows vcsim's own chatty log lines (one per WaitForUpdates tick)
// unless --verbose is given; our own errors go to stderr directly.
type discardUnlessVerbose struct{}

func (discardUnlessVerbose) Write(p []byte) (int, error) { return len(p), nil }
