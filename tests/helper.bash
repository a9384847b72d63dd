# Common setup for every bats file: `load helper` at the top.
# NEWS_BIN (set by make check) holds the programs under test; tests run them
# by name through PATH. FIXTURES holds the example articles.
bats_require_minimum_version 1.5.0
TESTS_DIR=$(cd "$(dirname "${BATS_TEST_FILENAME}")" && pwd)
ROOT=$(cd "$TESTS_DIR/.." && pwd)
NEWS_BIN=${NEWS_BIN:-$ROOT/bin}
FIXTURES=$TESTS_DIR/fixtures
PATH=$NEWS_BIN:$PATH
export LC_ALL=C

# check_invariant < stream: every record's unescaped text equals the bytes
# start..end of its document (the doc record's text).
check_invariant() {
	python3 "$TESTS_DIR/invariant.py"
}

# seeds: the three example articles
SEEDS=("$FIXTURES"/000_c70d5156a0bd1a64.txt "$FIXTURES"/001_d30393d83d3b32f0.txt "$FIXTURES"/002_be9abb58446af4f7.txt)
