#!/usr/bin/env bash
# The letters rendered and measured (frontend/e2e/letters.spec.mjs): the
# spec generates its own office and serves it; the PDFs and the PNG of
# each first page stay in build/letters for a person to look at.
set -euo pipefail
bin=$(realpath "$1")
command -v libreoffice >/dev/null || { echo "libreoffice not found (apt-get install libreoffice-writer-nogui)"; exit 1; }
cd "$(dirname "$0")/../frontend"
LAIFANG_BIN="$bin" npm run --silent e2e -- letters
echo "letters: the first pages are in build/letters/*.png"
