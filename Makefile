# The two commands of the README: `make demo` and `make test`.
SWIFT ?= swift
FRAMEWORK := frameworks/openai-preparedness-beta.yaml
DEMO := examples/demo
# The committed demo reports carry a fixed generation time so that a fresh render is byte-identical.
DEMO_TIME := 2025-01-01T00:00:00Z

.PHONY: demo test deps golden build

deps:
	@scripts/ensure-system-packages

build: deps
	$(SWIFT) build

## Runs the bundled demo: GPT-4o and o1 under the Preparedness Framework (Beta): prints the
## scorecards and writes their system-card sections to reports/demo/ (Markdown, HTML, charts).
demo: build
	$(SWIFT) run --skip-build scorecard assess --framework $(FRAMEWORK) \
		--evidence $(DEMO)/evidence.jsonl --determinations $(DEMO)/determinations.yaml
	$(SWIFT) run --skip-build scorecard render --framework $(FRAMEWORK) \
		--evidence $(DEMO)/evidence.jsonl --determinations $(DEMO)/determinations.yaml \
		--format md --format html --out reports/demo --generated-at $(DEMO_TIME)

## Runs every test.
test: deps
	$(SWIFT) test

## Rewrites the golden files from the current output, including the demo reports in
## reports/demo/; review the diff before committing.
golden: deps
	SCORECARD_UPDATE_GOLDEN=1 $(SWIFT) test --filter ScorecardCLITests
