package main

import (
	"bytes"
	"regexp"
)

// vcsim 0.24 spells xsi:type as a locally declared "XMLSchema-instance" prefix and writes a
// MoRef's xsi:type before its type attribute. Real vCenter writes
// type="Folder" xsi:type="ManagedObjectReference"; yavijava reads the first attribute whose
// local name is "type", so both are rewritten to vCenter's form.
var (
	schemaInstanceDecl = []byte(` xmlns:XMLSchema-instance="http://www.w3.org/2001/XMLSchema-instance"`)
	schemaInstanceType = []byte(`XMLSchema-instance:type=`)
	xsiType            = []byte(`xsi:type=`)
	morefOrder         = regexp.MustCompile(`xsi:type="ManagedObjectReference" type="([^"]*)"`)
	morefFixed         = []byte(`type="$1" xsi:type="ManagedObjectReference"`)
)

func normalizeWire(b []byte) []byte {
	b = bytes.ReplaceAll(b, schemaInstanceDecl, nil)
	b = bytes.ReplaceAll(b, schemaInstanceType, xsiType)
	if bytes.Contains(b, []byte(`xsi:type="ManagedObjectReference" type=`)) {
		b = morefOrder.ReplaceAll(b, morefFixed)
	}
	return b
}
