//go:build tools

// Package tools pins the commands this module builds.
package tools

import _ "github.com/fluxcd/flux2/v2/cmd/flux"
