# quyetdinh — the two commands of the README, and a few helpers.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DB ?= data/quyetdinh.db

APT_PACKAGES := tesseract-ocr tesseract-ocr-vie libreoffice-writer-nogui chromium
# The versions the figures were measured with (Debian 12); `make` notes any difference.
APT_TESTED := tesseract-ocr=5.3.0-2 tesseract-ocr-vie=1:4.1.0-2 libreoffice-writer-nogui=4:7.4.7-1+deb12u14 chromium=156.0.8078.114-1~deb12u1

.PHONY: run test setup system-deps serve samples clean lock

run: system-deps $(VENV)/.installed  ## set up, then run the main job on samples/ into $(DB)
	$(BIN)/quyetdinh run samples --db $(DB)

test: system-deps $(VENV)/.installed  ## set up, then run the test suite
	$(BIN)/python -m pytest -q

setup: system-deps $(VENV)/.installed

# Tesseract (OCR of scans, Vietnamese model) and LibreOffice (legacy .doc) from Debian.
# Without root or apt-get, scanned files get status needs_ocr and .doc files unsupported.
system-deps:
	@missing=""; \
	command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx vie || missing="yes"; \
	command -v soffice >/dev/null || missing="yes"; \
	command -v chromium >/dev/null || missing="yes"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get update -qq && apt-get install -y -qq --no-install-recommends $(APT_PACKAGES)) >/dev/null; \
	  else echo "note: install $(APT_PACKAGES) for scans and .doc files"; fi; \
	fi; \
	for pv in $(APT_TESTED); do p=$${pv%%=*}; v=$${pv#*=}; \
	  have=$$(dpkg-query -W -f='$${Version}' $$p 2>/dev/null || true); \
	  [ -z "$$have" ] || [ "$$have" = "$$v" ] || echo "note: $$p $$have installed; figures were measured with $$v"; \
	done

# Every Python dependency comes from requirements.lock (exact versions and hashes); the project
# itself is installed on top without resolving anything again.
$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install -q --no-deps --no-build-isolation -e .
	$(BIN)/pip check
	touch $@

# A deliberate upgrade: re-resolve every dependency to today's newest allowed versions, then
# re-measure (make test runs the real-scan and real-text figures) before committing the lock.
UV_VERSION := 0.13.9
lock:
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install -q uv==$(UV_VERSION)
	.venv-lock/bin/uv pip compile pyproject.toml --extra dev --generate-hashes --upgrade \
	  --python-version 3.11 --python-platform x86_64-manylinux_2_28 -o requirements.lock $(LOCK_ARGS)
	rm -rf .venv-lock $(VENV)/.installed

serve: $(VENV)/.installed
	$(BIN)/quyetdinh serve --db $(DB)

samples: $(VENV)/.installed  ## rebuild the sample documents and their truth files
	$(BIN)/python samples/generate.py

clean:
	rm -rf $(VENV) data *.egg-info
