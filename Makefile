# kg — the two entry points of the README, plus lint and benchmarks.
#   make demo   set up .venv and build the graph of the bundled sample articles into out/
#   make test   set up .venv, Chromium and the Neo4j test server, and run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test setup lint bench clean

$(BIN)/kg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(BIN)/kg

setup: $(BIN)/kg

demo: setup
	$(BIN)/kg build kg/samples/ --out out/
	@echo "open out/graph.html in a browser; out/graph.json is the graph"

test: setup
	bash tools/install-chromium.sh
	$(BIN)/python -m pytest -q -p no:cacheprovider

lint: setup
	$(BIN)/ruff check kg tests bench tools
	$(BIN)/mypy kg

clean:
	rm -rf out/ tests/artifacts/ .pytest_cache .mypy_cache .ruff_cache
