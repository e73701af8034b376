# Thin aliases for scripts/dev.py, which needs only Python 3.11 and pip.
.PHONY: demo test bench
demo:
	python3 scripts/dev.py demo
test:
	python3 scripts/dev.py test
bench:
	python3 scripts/dev.py bootstrap && .venv/bin/python benchmarks/run.py
