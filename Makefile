# The two commands of the README: `make demo` and `make test`.
SWIFT ?= swift
FRAMEWORK := frameworks/openai-preparedness-beta.yaml
DEMO := examples/demo

.PHONY: demo test deps golden build

deps:
	@scripts/ensure-system-packages

build: deps
	$(SWIFT) build

## Runs the bundled demo: GPT-4o and o1 under the Preparedness Framework (Beta).
demo: build
	$(SWIFT) run --skip-build scorecard assess --framework $(FRAMEWORK) \
		--evidence $(DEMO)/evidence.jsonl --determinations $(DEMO)/determinations.yaml

## Runs every test.
test: deps
	$(SWIFT) test

## Rewrites the golden files from the current output; review the diff before committing.
golden: deps
	SCORECARD_UPDATE_GOLDEN=1 $(SWIFT) test --filter ScorecardCLITests
