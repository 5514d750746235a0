package main

import (
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/vmware/govmomi/vim25/types"
)

// faultRule makes the next Count calls of Method fail with Fault. A *_Task method still
// returns a task, which ends in error with the fault; any other method answers a SOAP fault.
type faultRule struct {
	Method    string `json:"method"`
	Fault     string `json:"fault"`
	Count     int    `json:"count"`
	Message   string `json:"message,omitempty"`
	Remaining int    `json:"remaining"`
}

// vCenter's wording for the faults tests inject most; %s is the request's name argument.
var defaultFaultMessages = map[string]string{
	"DuplicateName":              "The name '%s' already exists.",
	"HostCommunication":          "Unable to communicate with the remote host, since it is disconnected.",
	"InsufficientResourcesFault": "Insufficient resources to satisfy the request.",
	"InvalidArgument":            "A specified parameter was not correct: %s",
	"NoPermission":               "Permission to perform this operation was denied.",
	"FileAlreadyExists":          "Cannot complete the operation because the file or folder %s already exists",
	"NotFound":                   "The object or item referred to could not be found.",
	"TaskInProgress":             "The operation is not allowed in the current state because another task is in progress.",
	"ResourceInUse":              "The resource '%s' is in use.",
	"InvalidState":               "The operation is not allowed in the current state.",
	"InvalidPowerState":          "The attempted operation cannot be performed in the current state (Powered on).",
	"Timedout":                   "Operation timed out.",
	"SystemError":                "A general system error occurred: injected by the simulator",
	"RequestCanceled":            "The task was canceled by a user.",
	"NotSupported":               "The operation is not supported on the object.",
	"InvalidLogin":               "Cannot complete login due to an incorrect user name or password.",
	"SSLVerifyFault":             "Authenticity of the host's SSL certificate is not verified.",
}

func faultType(name string) (reflect.Type, error) {
	t, ok := types.TypeFunc()(name)
	if !ok {
		return nil, fmt.Errorf("unknown fault type %q (use a vim25 fault name such as DuplicateName)", name)
	}
	if _, ok := reflect.New(t).Interface().(types.BaseMethodFault); !ok {
		return nil, fmt.Errorf("%q is not a MethodFault", name)
	}
	return t, nil
}

// newFault instantiates the fault, filling a Name field from the request when both have one.
func (r *faultRule) newFault(req interface{}) types.BaseMethodFault {
	t, err := faultType(r.Fault)
	if err != nil {
		return &types.SystemError{Reason: err.Error()}
	}
	v := reflect.New(t)
	// Enum fields must hold one of their values: vCenter never sends an empty one, and clients
	// that parse strictly (yavijava) reject the whole answer otherwise.
	if ips, ok := v.Interface().(*types.InvalidPowerState); ok {
		ips.RequestedState = types.VirtualMachinePowerStatePoweredOn
		ips.ExistingState = types.VirtualMachinePowerStatePoweredOff
	}
	if name := requestName(req); name != "" {
		if f := v.Elem().FieldByName("Name"); f.IsValid() && f.Kind() == reflect.String {
			f.SetString(name)
		}
	}
	return v.Interface().(types.BaseMethodFault)
}

func (r *faultRule) message(req interface{}) string {
	if r.Message != "" {
		return r.Message
	}
	if format, ok := defaultFaultMessages[r.Fault]; ok {
		if strings.Contains(format, "%s") {
			return fmt.Sprintf(format, requestName(req))
		}
		return format
	}
	return fmt.Sprintf("%s (injected by the simulator)", r.Fault)
}

// requestName returns a request's Name or NewName argument (CloneVM_Task, Rename_Task, ...).
func requestName(req interface{}) string {
	if req == nil {
		return ""
	}
	v := reflect.ValueOf(req)
	for v.Kind() == reflect.Ptr {
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return ""
	}
	for _, field := range []string{"Name", "NewName"} {
		if f := v.FieldByName(field); f.IsValid() && f.Kind() == reflect.String {
			return f.String()
		}
	}
	return ""
}

type faultRules struct {
	mu    sync.Mutex
	rules []*faultRule
}

func newFaultRules() *faultRules { return &faultRules{} }

func (f *faultRules) add(rule faultRule) error {
	if rule.Method == "" {
		return fmt.Errorf("method is required, e.g. CloneVM_Task")
	}
	if _, err := faultType(rule.Fault); err != nil {
		return err
	}
	if rule.Count <= 0 {
		rule.Count = 1
	}
	rule.Remaining = rule.Count
	f.mu.Lock()
	f.rules = append(f.rules, &rule)
	f.mu.Unlock()
	return nil
}

// take consumes one use of the first rule for the method, if any.
func (f *faultRules) take(method string) *faultRule {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, r := range f.rules {
		if r.Method != method {
			continue
		}
		r.Remaining--
		if r.Remaining <= 0 {
			f.rules = append(f.rules[:i], f.rules[i+1:]...)
		}
		copied := *r
		return &copied
	}
	return nil
}

func (f *faultRules) clear() {
	f.mu.Lock()
	f.rules = nil
	f.mu.Unlock()
}

func (f *faultRules) list() []faultRule {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]faultRule, 0, len(f.rules))
	for _, r := range f.rules {
		out = append(out, *r)
	}
	return out
}
