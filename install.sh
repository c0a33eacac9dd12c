#!/usr/bin/env bash
# Install briefing and everything its tests need on a fresh Debian/Ubuntu machine.
#   system: pango (WeasyPrint), chromium + poppler-utils (tests look at the email and PDF as a person would),
#           gcc + python3-dev (mypyc compiles the hot extraction modules; without them: pure Python),
#           the PDF's fallback fonts for scripts DejaVu lacks (CJK, Arabic, Hebrew, Indic ..., emoji) + fontconfig
#   python: the package in editable mode with its test extras
set -euo pipefail
cd "$(dirname "$0")"

APT_PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 chromium poppler-utils gcc python3-dev
              fontconfig fonts-noto-cjk fonts-noto-core fonts-noto-color-emoji)

if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    missing=()
    for p in "${APT_PACKAGES[@]}"; do
        dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        $SUDO apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
    fi
else
    echo "install.sh: no apt-get; install these system packages yourself: ${APT_PACKAGES[*]}" >&2
fi

python3 -m pip install --quiet --upgrade pip
python3 -m pip install --quiet -e '.[test]'
echo "briefing installed: $(command -v briefing)"
