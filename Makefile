# The two set-up commands: `make demo` (the whole pipeline on the embedded default) and `make test`.
SWIFT ?= swift
BIN = .build/debug/sitectl

.PHONY: demo test build deps clean

deps:
	scripts/install-deps

build: deps
	$(SWIFT) build --product sitectl

demo: build
	scripts/demo.sh $(BIN)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --no-parallel

clean:
	rm -rf .build
