# `make test` runs every suite this repository has. It needs only the Rust toolchain (with
# rustfmt and clippy) for the Rust parts; binding suites set up their own toolchains when their
# directories exist. With ARREARS_REQUIRE_ALL=1 (CI) a missing toolchain fails instead of being
# skipped.

CARGO ?= cargo
export CARGO_TERM_COLOR ?= never

.PHONY: test test-reference test-rust setup-chromium fmt-check clippy test-python test-node test-swift test-kotlin demo docs-errors check-docs check-schemas docs-schemas

test: test-rust test-python test-node test-swift test-kotlin
	@echo "make test: all suites passed"

test-rust: fmt-check clippy check-docs setup-chromium
	$(CARGO) test --workspace --all-targets
	$(CARGO) test --workspace --doc
	$(MAKE) test-reference

# The interest vectors' second, independent implementation (exact rationals, from docs/interest.md
# and the research's own copy of the rate tables, tests/reference/rates.json, not
# the library's core/data/rates) must agree with every vector too.
test-reference:
	python3 tests/vectors/interest/compute.py --check

# The print-layout test (cli/tests/print.rs) renders letters to PDF in headless Chromium, from
# Debian's package; installed here when missing (as root). Without it the test is skipped, except
# under ARREARS_REQUIRE_ALL.
setup-chromium:
	@if command -v chromium >/dev/null 2>&1 || [ -n "$$ARREARS_CHROMIUM" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing chromium (Debian package) for the print-layout test"; \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null 2>&1 || \
	  (apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null 2>&1) || \
	  echo "could not install chromium"; \
	else echo "SKIPPED: setup-chromium: chromium is missing and cannot be installed here"; fi

fmt-check:
	$(CARGO) fmt --all -- --check

clippy:
	$(CARGO) clippy --workspace --all-targets -- -D warnings

# docs/errors.md is generated from the code list (and docs/schemas/ from the document types);
# fail when either is stale.
check-docs: check-schemas
	@tmp=$$(mktemp) && $(CARGO) run -q -p arrears-cli -- errors --format markdown > $$tmp && \
	  (diff -u docs/errors.md $$tmp || (echo "docs/errors.md is stale: run 'make docs-errors'"; rm -f $$tmp; exit 1)) && rm -f $$tmp

docs-errors:
	$(CARGO) run -q -p arrears-cli -- errors --format markdown > docs/errors.md

# docs/schemas/ is generated from the document types (schemars); fail when it is stale.
check-schemas:
	@tmp=$$(mktemp -d) && $(CARGO) run -q -p arrears-cli -- schemas --out $$tmp && \
	  (diff -ru docs/schemas $$tmp || (echo "docs/schemas/ is stale: run 'make docs-schemas'"; rm -rf $$tmp; exit 1)) && rm -rf $$tmp

docs-schemas:
	$(CARGO) run -q -p arrears-cli -- schemas --out docs/schemas

demo:
	$(CARGO) run -q -p arrears-cli -- demo


# The binding crates are built by their own issues; until their directories exist there is
# nothing to run, and the targets say so loudly.
test-python:
	@if [ -d bindings-python ]; then $(MAKE) -C bindings-python test; else echo "SKIPPED: test-python: bindings-python/ does not exist yet"; fi

test-node:
	@if [ -d bindings-node ]; then $(MAKE) -C bindings-node test; else echo "SKIPPED: test-node: bindings-node/ does not exist yet"; fi

test-swift:
	@if [ -d bindings-swift ]; then $(MAKE) -C bindings-swift test-swift; else echo "SKIPPED: test-swift: bindings-swift/ does not exist yet"; fi

test-kotlin:
	@if [ -d bindings-swift ]; then $(MAKE) -C bindings-swift test-kotlin; else echo "SKIPPED: test-kotlin: bindings-swift/ does not exist yet"; fi
