# `make run` sets everything up and serves the app; `make test` sets everything up and runs every check.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PORT ?= 8501

.PHONY: setup run test lint index clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e '.[test]'
	touch $(STAMP)

run: setup
	$(PY) -m indexer rebuild
	HF_HUB_OFFLINE=1 $(PY) -m streamlit run app.py --server.address 127.0.0.1 --server.port $(PORT) \
		--server.headless true --browser.gatherUsageStats false

test: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m indexer lint
	$(PY) -m indexer rebuild --check
	HF_HUB_OFFLINE=1 $(PY) -m pytest -q

index: setup
	$(PY) -m indexer rebuild

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
