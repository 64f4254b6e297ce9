# The two commands a new user needs: `make run` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
BENCH_STAMP := $(VENV)/.bench-stamp
EXAMPLE := examples/grain-exports.md

.PHONY: run test lint typecheck pytest docs docs-site bench train fuzz clean

$(STAMP): pyproject.toml requirements/constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# pip 23 (Debian's python3.11 venv) fails to resolve one package named with two spellings
	# of an extra (lxml[html_clean] and lxml[html-clean]); the pinned pip does not
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-c requirements/constraints.txt pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-c requirements/constraints.txt -e '.[dev]'
	touch $(STAMP)

## Set up, then scan the bundled example article and print its findings.
run: $(STAMP)
	$(BIN)/sourcelint scan $(EXAMPLE) || test $$? -eq 1

## Set up, then run ruff, mypy and the whole test suite.
test: $(STAMP) lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks train
	$(BIN)/ruff format --check src tests benchmarks train

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest

## Regenerate docs/rules.md from the rules' docstrings.
docs: $(STAMP)
	$(BIN)/sourcelint rules --format markdown > docs/rules.md

## Build the documentation site into build/site: the user guide (docs/site/, the README,
## docs/*.md) and the rules reference generated from the rules, with mkdocs build --strict.
docs-site: $(STAMP)
	$(BIN)/python -m sourcelint.docs_site build/docs-src
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m mkdocs build --strict -f mkdocs.yml

## The long fuzzing run: the suite's properties on 10,200 random and mutated documents, then
## 2,000 mutated real pages from ../shared/data. Its last result is in docs/benchmarks.md.
fuzz: $(STAMP)
	SOURCELINT_FUZZ_EXAMPLES=3400 $(BIN)/pytest -q -p no:cacheprovider tests/test_fuzz.py
	$(BIN)/python benchmarks/fuzz_pages.py --count 2000 --seed 1

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-c requirements/constraints.txt -e '.[dev,bench]'
	touch $(BENCH_STAMP)

## Benchmarks against peers and baselines; their figures go in docs/benchmarks.md.
bench: $(BENCH_STAMP)
	$(BIN)/python benchmarks/segmentation.py
	$(BIN)/python benchmarks/scaling.py
	$(BIN)/python benchmarks/large_input.py
	$(BIN)/python benchmarks/large_json.py
	$(BIN)/python benchmarks/long_line.py
	$(BIN)/python benchmarks/load.py
	$(BIN)/python benchmarks/gold_scores.py
	$(BIN)/python benchmarks/quotes.py
	$(BIN)/python benchmarks/quote_cost.py
	$(BIN)/python benchmarks/quantities.py
	$(BIN)/python benchmarks/quantity_fields.py
	$(BIN)/python benchmarks/quantity_fields.py --gold tests/fixtures/quantities_heldout
	$(BIN)/python benchmarks/quote_cost.py --stage statistics
	$(BIN)/python benchmarks/claims.py
	$(BIN)/python benchmarks/checkworthy_models.py
	$(BIN)/python benchmarks/quote_cost.py --stage checkworthiness
	$(BIN)/python benchmarks/quote_cost.py --stage claims
	$(BIN)/python benchmarks/web_speed.py
	$(BIN)/python benchmarks/main_text.py
	$(BIN)/python benchmarks/page_dates.py
	$(BIN)/python benchmarks/page_dates.py --gold fresh
	$(BIN)/python benchmarks/rule_precision.py
	$(BIN)/python benchmarks/judged_replay.py --judgments sl2.jsonl
	$(BIN)/python benchmarks/judged_replay.py --judgments sl4.jsonl
	$(BIN)/python benchmarks/judged_replay.py --judgments sl4-fresh.jsonl
	$(BIN)/python benchmarks/stats_real.py
	$(BIN)/python benchmarks/citations_real.py
	$(BIN)/python benchmarks/quotes_real.py
	$(BIN)/python benchmarks/interview_turns.py
	$(BIN)/python benchmarks/checkworthy_years.py
	$(BIN)/python benchmarks/html_read_cost.py
	$(BIN)/python benchmarks/memory_stages.py
	$(BIN)/python benchmarks/table_cost.py
	$(BIN)/python benchmarks/table_cost.py --uncached
	$(BIN)/python benchmarks/findings_on_real_pages.py
	$(BIN)/python benchmarks/pdf_read.py
	$(BIN)/python benchmarks/pdf_real_pages.py
	$(BIN)/python benchmarks/word_notes.py

## Retrain the check-worthiness model shipped in src/sourcelint/data (deterministic: the
## committed file is what this writes).
train: $(BENCH_STAMP)
	$(BIN)/python train/checkworthy.py

clean:
	rm -rf $(VENV) build dist .mypy_cache .pytest_cache .ruff_cache
