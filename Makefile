# make run   — set up (first time) and open the program on the default database
# make demo  — open a freshly generated demo district database (示例数据)
# make test  — set up (first time) and run the whole test suite
# make lint  — ruff (lint and format) and mypy; fails on any finding
# make bench — run the benchmarks
# make dist  — the frozen one-folder bundle dist/xz-desktop/ (both programs), with PyInstaller: docs/install.md
# make dist-windows — the Windows bundle and its per-user installer dist/xz-desktop-VERSION-setup.exe,
#              built here under Wine with NSIS (packaging/windows/build.sh; docs/install.md)

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

$(BIN)/.installed: pyproject.toml
	@$(PYTHON) tools/preflight.py
	@echo "make: setting up $(VENV) (first time: the Python packages, 1-3 minutes; then .venv/bin/xz is the command line)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# The `dist` extra (PyInstaller), on top of the test environment.
$(BIN)/.installed-dist: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test,dist]'
	touch $@

.PHONY: setup setup-dist preflight-window run demo test lint bench dist dist-windows clean
setup: $(BIN)/.installed

setup-dist: $(BIN)/.installed-dist

# The window needs a display: refuse before setting anything up.
preflight-window:
	@$(PYTHON) tools/preflight.py --display

run: preflight-window $(BIN)/.installed
	$(BIN)/xz-desktop

demo: preflight-window $(BIN)/.installed
	$(BIN)/xz-desktop --demo

test: $(BIN)/.installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: $(BIN)/.installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

dist: $(BIN)/.installed-dist
	$(BIN)/python -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/xz-desktop.spec
	@du -sh dist/xz-desktop

dist-windows: $(BIN)/.installed-dist
	VENV_PY=$(abspath $(BIN))/python bash packaging/windows/build.sh

clean:
	rm -rf $(VENV) build dist *.egg-info
