#!/bin/sh
# Regenerate the golden email files from tests/golden/briefing.json with the CLI.
# Run from the repository root; then read `git diff tests/golden` before committing.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
briefing render tests/golden/briefing.json --out "$tmp"
cp "$tmp/2025-09-04/briefing.html" tests/golden/email.html
cp "$tmp/2025-09-04/briefing.txt" tests/golden/email.txt
echo "updated tests/golden/email.html and tests/golden/email.txt"
