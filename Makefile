# Two commands do all the set-up on a fresh machine:
#   make demo   — install, fetch the model once, open the seed document in the reader
#   make test   — install (with dev tools), then lint and run the whole test suite
# and one more for the batch job:
#   make export — translate the seed document to bilingual Markdown (out/)
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
SEED   := seeds/002_cafa3597cbf732ed.txt
# torch first, the CPU wheel from PyTorch's index: PyPI's torch for Linux is
# the CUDA build and pulls GBs of nvidia packages (`make TORCH_INDEX=` for
# PyPI's, e.g. with a GPU).
TORCH  ?= torch==2.13.0
TORCH_INDEX ?= https://download.pytorch.org/whl/cpu

.PHONY: install install-dev model demo export test lint clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q "$(TORCH)" $(if $(TORCH_INDEX),--extra-index-url $(TORCH_INDEX))
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PY) -m pip install -q -e ".[dev]"
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# The one network step: fetch the model unless one is already found. Offline,
# the reader still opens (German text, glossary, navigation) and says how to
# get the model.
model: install
	@$(VENV)/bin/reader model info >/dev/null 2>&1 || $(VENV)/bin/reader model download \
	  || echo "reader: continuing without a translation model"

demo: model
	$(VENV)/bin/reader read $(SEED)

export: model
	mkdir -p out
	$(VENV)/bin/reader translate $(SEED) --layout table -o out/$(notdir $(SEED:.txt=.md))

lint: install-dev
	$(VENV)/bin/ruff check reader tests scripts
	$(VENV)/bin/ruff format --check reader tests scripts

test: lint
	$(VENV)/bin/pytest -q

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
