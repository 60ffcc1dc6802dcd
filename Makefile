# `make run` sets everything up and serves the app; `make test` sets everything up and runs every check.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PORT ?= 8501
MERMAID_VERSION := 12.3.0
MERMAID := static/vendor/mermaid.min.js

.PHONY: setup browser run test index clean

setup: $(STAMP) $(MERMAID)

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e '.[test]'
	touch $(STAMP)

# Mermaid is served to the browser from this machine (no CDN): unpack the npm package's bundle.
$(MERMAID):
	mkdir -p static/vendor .cache/npm
	cd .cache/npm && npm pack --silent mermaid@$(MERMAID_VERSION) > /dev/null
	tar -xzf .cache/npm/mermaid-$(MERMAID_VERSION).tgz -C .cache/npm package/dist/mermaid.min.js
	mv .cache/npm/package/dist/mermaid.min.js $@

# Browser tests drive Debian's Chromium (never `playwright install`, which downloads a browser).
browser:
	@command -v chromium > /dev/null || { apt-get update -q && apt-get install -y -q chromium; }

run: setup
	$(PY) -m indexer rebuild
	HF_HUB_OFFLINE=1 $(PY) -m streamlit run app.py --server.address 127.0.0.1 --server.port $(PORT) \
		--server.headless true --browser.gatherUsageStats false

test: setup browser
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m indexer lint
	$(PY) -m indexer rebuild --check
	HF_HUB_OFFLINE=1 $(PY) -m pytest -q

index: setup
	$(PY) -m indexer rebuild

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .cache static/vendor
