# Runner Legs — packaging targets, included by the main Makefile (`-include packaging/bundle.mk`).
#   make bundle           one-folder PyInstaller bundle in dist/runner-legs/
#   make bundle-test      build it, then start it headless with --smoke (must exit 0)
#   make dist-archive     the bundle plus menu entry, metainfo, icons and install.sh, packed as
#                         dist/runner-legs-<version>-linux-<arch>.tar.gz (the file users download)
#   make install-desktop  menu entry, AppStream metainfo and icons into ~/.local/share
# Uses $(BIN), $(STAMP) and $(VENV) from the main Makefile.

BUNDLE_STAMP := $(VENV)/.bundle-installed
BUNDLE_SPEC  := packaging/runner-legs.spec
BUNDLE_DIR   := dist/runner-legs
BUNDLE_EXE   := $(BUNDLE_DIR)/runner-legs

$(BUNDLE_STAMP): $(STAMP) pyproject.toml
	@echo "make: installing PyInstaller into $(VENV)/"
	$(BIN)/python -m pip install --disable-pip-version-check -e '.[bundle]'
	@touch $(BUNDLE_STAMP)

bundle: $(BUNDLE_STAMP)
	@echo "make: building the one-folder bundle in $(BUNDLE_DIR)/ (a few minutes)"
	@start=$$(date +%s); \
	$(BIN)/pyinstaller --noconfirm --log-level WARN \
		--distpath dist --workpath build/pyinstaller $(BUNDLE_SPEC) || exit 1; \
	echo "bundle: $(BUNDLE_DIR) ($$(du -sm $(BUNDLE_DIR) | cut -f1) MiB, built in $$(( $$(date +%s) - start )) s)"

bundle-test: bundle
	@home=$$(mktemp -d); \
	QT_QPA_PLATFORM=offscreen RUNNER_LEGS_HOME="$$home" timeout 300 $(BUNDLE_EXE) --smoke; \
	rc=$$?; rm -rf "$$home"; \
	if [ $$rc -ne 0 ]; then echo "bundle-test: $(BUNDLE_EXE) --smoke exited $$rc" >&2; exit 1; fi; \
	echo "bundle-test: $(BUNDLE_EXE) --smoke ok"

.PHONY: dist-archive
dist-archive: bundle
	$(BIN)/python packaging/dist_archive.py --bundle $(BUNDLE_DIR) --out dist

# The bundle when it has been built, else the venv's runner-legs command.
install-desktop:
	$(PYTHON) packaging/install_desktop.py --exec "$(abspath $(if $(wildcard $(BUNDLE_EXE)),$(BUNDLE_EXE),$(BIN)/runner-legs))"
