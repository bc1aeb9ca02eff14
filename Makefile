# The two commands of the README: `make demo` and `make test`.
SWIFT ?= swift
FRAMEWORK := frameworks/openai-preparedness-beta.yaml
DEMO := examples/demo

.PHONY: demo test deps golden build

# The other frameworks' examples (examples/frameworks): o1 under the Beta and version 2 side by
# side, Claude Opus 4 under Anthropic's RSP, Gemini 2.5 Pro under DeepMind's FSF. The tests
# (FrameworkReportsTests) render the same arguments and compare with reports/frameworks/.
FRAMEWORKS_SIDE_BY_SIDE := --framework frameworks/openai-preparedness-beta.yaml \
	--framework frameworks/openai-preparedness-v2.yaml --evidence examples/demo/evidence.jsonl --only-model o1 \
	--determinations openai-preparedness-beta:examples/demo/determinations.yaml \
	--map-stage openai-preparedness-v2:pre_mitigation=capability --map-stage openai-preparedness-v2:post_mitigation= \
	--format md --format html
FRAMEWORKS_RSP := --framework frameworks/anthropic-rsp-v2.yaml --evidence examples/frameworks/anthropic-evidence.jsonl \
	--determinations examples/frameworks/anthropic-determinations.yaml --only-model "Claude Opus 4" --format md --format html
FRAMEWORKS_FSF := --framework frameworks/google-deepmind-fsf-v3.yaml --evidence examples/frameworks/gemini-evidence.jsonl \
	--determinations examples/frameworks/gemini-determinations.yaml --format md --format html

deps:
	@scripts/ensure-system-packages

# Quiet builds (errors only), so the demo's output is not buried under build chatter.
build: deps
	@$(SWIFT) build --quiet

## Runs the bundled demo card (examples/demo/scorecard.yaml): GPT-4o and o1 under the
## Preparedness Framework (Beta). `regenerate` imports the evidence into the SQLite store
## (.scorecard/demo.sqlite), assesses, and writes the system-card sections to reports/demo/
## (Markdown with SVG charts, HTML): the Preparedness scorecard, the system card's other
## sections with GPT-4o, o1-preview and o1-mini beside each model, and the whole card in one
## file, with the o1 report's one sign-off (imported from examples/demo/signoffs.jsonl and checked
## against examples/demo/keyring.yaml; no key is needed). Then the capability-only example
## (examples/capabilities) is rendered to reports/capabilities/, the other frameworks' examples to
## reports/frameworks/, and the scorecards are printed. Exit codes 4, 5 and 9 (levels or gates
## moved, or a sign-off made stale, since the last demo run) are not failures here.
demo: build
	@status=0; $(SWIFT) run --skip-build scorecard regenerate --config $(DEMO)/scorecard.yaml || status=$$?; \
		[ $$status -eq 0 ] || [ $$status -eq 4 ] || [ $$status -eq 5 ] || [ $$status -eq 9 ] || [ $$status -eq 11 ]
	@echo
	@$(SWIFT) run --skip-build scorecard render --evidence examples/capabilities/capabilities.jsonl \
		--section capabilities --only-model BLOOMZ --only-model Flan-PaLM \
		--compare-with BLOOM --compare-with OPT-175B --compare-with U-PaLM --compare-with PubMedGPT \
		--format md --format html --out reports/capabilities --generated-at 2025-01-01T00:00:00Z
	@$(SWIFT) run --skip-build scorecard render $(FRAMEWORKS_SIDE_BY_SIDE) --out reports/frameworks \
		--generated-at 2025-01-01T00:00:00Z
	@$(SWIFT) run --skip-build scorecard render $(FRAMEWORKS_RSP) --out reports/frameworks/rsp \
		--generated-at 2025-01-01T00:00:00Z
	@$(SWIFT) run --skip-build scorecard render $(FRAMEWORKS_FSF) --out reports/frameworks/fsf \
		--generated-at 2025-01-01T00:00:00Z
	@echo
	@$(SWIFT) run --skip-build scorecard assess --framework $(FRAMEWORK) \
		--evidence $(DEMO)/evidence.jsonl --determinations $(DEMO)/determinations.yaml

## Runs every test. The tests are Swift Testing only: --disable-xctest leaves out XCTest's
## empty "Executed 0 tests" run, and the build before them is quiet.
test: deps
	@$(SWIFT) build --build-tests --quiet
	$(SWIFT) test --skip-build --disable-xctest

## Rewrites the golden files from the current output, including the demo reports in
## reports/demo/; review the diff before committing.
golden: deps
	@$(SWIFT) build --build-tests --quiet
	SCORECARD_UPDATE_GOLDEN=1 $(SWIFT) test --skip-build --disable-xctest --filter ScorecardCLITests
