# The two set-up commands: `make demo` (the whole pipeline on the embedded default) and `make test`.
SWIFT ?= swift
BIN = .build/debug/sitectl
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c

.PHONY: demo test build deps clean chaos

deps:
	scripts/install-deps

build: deps
	$(SWIFT) build --product sitectl

demo: build
	scripts/demo.sh $(BIN)

test: deps
	mkdir -p .build && $(SWIFT) build --build-tests 2>&1 | tee .build/test-build.log
	@# An `await` on a call that never suspends is a blocking call on a concurrency thread (GRDB's blocking
	@# `read` binds when the closure returns a `Row`): two of those froze the daemon. Refuse them in Sources/.
	@! grep -nE "/Sources/[^ ]*: warning: no 'async' operations occur within 'await' expression" .build/test-build.log
	scripts/chaos $(BIN) --quick --requests 24 --kills 2
	$(SWIFT) test --skip-build --no-parallel

# Fault injection against the request/job lifecycle (kill -9, SIGSTOP past the lease, a second daemon); ~5 minutes.
chaos: build
	scripts/chaos $(BIN)

clean:
	rm -rf .build
