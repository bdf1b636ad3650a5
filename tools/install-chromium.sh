#!/bin/sh
# Install Debian's Chromium (and a CJK font, so screenshots show Chinese) for the browser tests of
# the HTML view (pytest -m browser) and bench/view_big.py.  Idempotent: does nothing when both are
# there already.  Needs root or sudo, and apt (Debian/Ubuntu).
#
#   tools/install-chromium.sh          # install when missing, print the version
#   KG_CHROMIUM=/path/to/chrome ...    # the tests use that binary instead (then nothing to install)
set -eu

if [ -n "${KG_CHROMIUM:-}" ] && [ -x "$KG_CHROMIUM" ]; then
    echo "using KG_CHROMIUM=$KG_CHROMIUM"
    exit 0
fi

have_chromium() { command -v chromium >/dev/null 2>&1; }
have_font() { [ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || fc-list 2>/dev/null | grep -qi 'CJK\|zenhei'; }

if have_chromium && have_font; then
    chromium --version 2>/dev/null || true
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-chromium: no apt-get here; install Chromium yourself and set KG_CHROMIUM" >&2
    exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "install-chromium: need root (or sudo) to apt-get install chromium" >&2
        exit 1
    fi
fi

packages=""
have_chromium || packages="chromium"
have_font || packages="$packages fonts-wqy-zenhei"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $packages
chromium --version
