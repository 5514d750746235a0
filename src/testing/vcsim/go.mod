module github.com/vsphere-temporal/vcsim

go 1.19

// Module mode is for machines without Debian's golang-github-vmware-govmomi-dev package
// (see src/testing/bin/vcsim). CI builds in GOPATH mode against the Debian sources.
require github.com/vmware/govmomi v0.24.2
