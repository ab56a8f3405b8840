# Froissart: two commands on a fresh machine.
#   make run   - set up .venv, ingest the bundled sample corpus into froissart.duckdb,
#                print a summary and the top events
#   make test  - set up .venv with the test tools, run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,spark]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/froissart ingest samples/fr/corpus.jsonl --db froissart.duckdb --top 15

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts

bench: $(STAMP)
	$(BIN)/python bench/accuracy.py
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
