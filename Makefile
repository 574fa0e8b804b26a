PY := .venv/bin/python
VENV_STAMP := .venv/.installed
SHARED ?= ../shared

.PHONY: setup demo test eval bench lint clean

setup: $(VENV_STAMP)

$(VENV_STAMP): pyproject.toml
	python3 -m venv .venv
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	$(PY) -c "from claimledger.extract.places.gazetteer import load_gazetteer; load_gazetteer()"
	touch $(VENV_STAMP)

demo: setup
	rm -f claimledger.db claimledger.db-wal claimledger.db-shm
	.venv/bin/claimledger ingest examples/
	.venv/bin/claimledger reconcile
	.venv/bin/claimledger summary

test: setup lint
	$(PY) -m pytest

eval: setup
	@rm -rf .eval && mkdir -p .eval/seeds .eval/dev
	-@.venv/bin/claimledger extract $(SHARED)/seeds --out .eval/seeds --quiet
	-@.venv/bin/claimledger extract $(SHARED)/dev/articles --out .eval/dev --quiet
	@echo "== seeds ($(SHARED)/gold) =="
	@$(PY) $(SHARED)/eval/score.py $(SHARED)/gold .eval/seeds
	@echo "== dev ($(SHARED)/dev/gold) =="
	@$(PY) $(SHARED)/eval/score.py $(SHARED)/dev/gold .eval/dev

bench: setup
	$(PY) benchmarks/throughput.py
	$(PY) benchmarks/scale.py

lint: setup
	.venv/bin/ruff check src tests benchmarks
	.venv/bin/ruff format --check src tests benchmarks
	.venv/bin/mypy src

clean:
	rm -rf .venv .eval claimledger.db*
