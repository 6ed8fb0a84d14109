# cti-desk — `make run` opens the operator window on demo data, `make test` runs the whole suite.
# Both install what is missing (apt packages, PostgreSQL, .venv) and are quick when all is there.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

APT_PKGS := libglib2.0-0 libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 \
	fonts-ipafont-gothic postgresql-15 xvfb libxcb-cursor0 libxcb-icccm4 libxcb-image0 \
	libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxkbcommon-x11-0 libxcb-xinerama0 \
	libxcb-randr0 libxcb-xfixes0 libxcb-shm0 libxcb-sync1 libxcb-xkb1 \
	desktop-file-utils appstream

.PHONY: run test lint bench bench-quick load sysdeps venv clean screenshot screenshot-kiosk translations dist dist-test

sysdeps:
	@bash scripts/sysdeps.sh $(APT_PKGS)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	@echo "cti-desk: installing the project and its dev tools into $(VENV)"
	@$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev]' > $(VENV)/pip.log 2>&1 \
		|| { cat $(VENV)/pip.log; echo "cti-desk: pip install failed (log: $(VENV)/pip.log)" >&2; exit 1; }
	@touch $(STAMP)

venv: $(STAMP)

run: sysdeps venv
	$(BIN)/cti-desk --source 'sim://?rate=6'

lint: venv
	$(BIN)/ruff check cti_desk tests scripts bench
	$(BIN)/lint-imports

test: sysdeps venv
	@bash scripts/test.sh

bench: sysdeps venv
	@bash scripts/bench.sh

# The same scripts on a 100,000-customer store with fewer iterations (under two minutes
# once the store is built): bench/results-quick.json.
bench-quick: sysdeps venv
	@BENCH_QUICK=1 bash scripts/bench.sh

# The load run (not part of `make test`): 20 seats, one relay, one PostgreSQL restarted
# midway, 10 minutes; invariants checked, latency reported (docs/PERFORMANCE.md).
# Smaller: make load LOAD_ARGS="--seats 3 --duration 60 --calls-per-seat-hour 600"
load: sysdeps venv
	@mkdir -p .tmp
	$(BIN)/python scripts/load_run.py --json .tmp/load.json $(LOAD_ARGS)

screenshot: sysdeps venv
	@bash scripts/sysdeps.sh imagemagick  # `import` takes the picture of the Xvfb screen
	@bash scripts/screenshot.sh

screenshot-kiosk: sysdeps venv
	@bash scripts/screenshot_kiosk.sh

# The tarball for desks without Python: dist/cti-desk-VERSION-linux-x86_64.tar.gz (~1.5 min).
dist: sysdeps venv
	@bash scripts/dist.sh

# That tarball unpacked into an empty folder and run with a bare environment (not in `make test`).
dist-test: dist
	@bash scripts/dist_test.sh

# After changing user-visible strings: update the .ts, translate the new entries
# (tests/gui/test_translations.py fails while any is unfinished), then compile.
translations: venv
	$(BIN)/pyside6-lupdate -no-obsolete cti_desk/qt/*.py cti_desk/qt/*/*.py cti_desk/app/*.py -ts cti_desk/resources/translations/cti_desk_ja.ts
	$(BIN)/pyside6-lrelease cti_desk/resources/translations/cti_desk_ja.ts

clean:
	rm -rf $(VENV) build dist *.egg-info .tmp
