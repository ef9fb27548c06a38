# Two commands do all the set-up on a fresh machine:
#   make demo   — install, then run the main job on the seed document
#   make test   — install (with dev tools), then lint and run the whole test suite
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
SEED   := seeds/002_cafa3597cbf732ed.txt
# torch first, pinned to the CPU wheel: an unpinned torch pulls GBs of CUDA.
TORCH  ?= torch==2.13.0

.PHONY: install install-dev demo test lint clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q "$(TORCH)"
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PY) -m pip install -q -e ".[dev]"
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

demo: install
	$(VENV)/bin/reader segment $(SEED)

lint: install-dev
	$(VENV)/bin/ruff check reader tests scripts

test: lint
	$(VENV)/bin/pytest -q

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
