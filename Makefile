# The two set-up commands: `make demo` (the whole pipeline on the embedded default) and `make test`.
SWIFT ?= swift
BIN = .build/debug/sitectl

.PHONY: demo test build deps clean chaos

deps:
	scripts/install-deps

build: deps
	$(SWIFT) build --product sitectl

demo: build
	scripts/demo.sh $(BIN)

test: deps
	$(SWIFT) build --build-tests
	scripts/chaos $(BIN) --quick --requests 24 --kills 2
	$(SWIFT) test --skip-build --no-parallel

# Fault injection against the request/job lifecycle (kill -9, SIGSTOP past the lease, a second daemon); ~5 minutes.
chaos: build
	scripts/chaos $(BIN)

clean:
	rm -rf .build
