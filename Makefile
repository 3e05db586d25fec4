# quyetdinh — the two commands of the README, and a few helpers.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DB ?= data/quyetdinh.db

.PHONY: run test setup serve samples clean

run: $(VENV)/.installed  ## set up, then run the main job on samples/ into $(DB)
	$(BIN)/quyetdinh run samples --db $(DB)

test: $(VENV)/.installed  ## set up, then run the test suite
	$(BIN)/python -m pytest -q

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	touch $@

serve: $(VENV)/.installed
	$(BIN)/quyetdinh serve --db $(DB)

samples: $(VENV)/.installed  ## rebuild the sample documents and their truth files
	$(BIN)/python samples/generate.py

clean:
	rm -rf $(VENV) data *.egg-info
