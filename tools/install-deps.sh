#!/usr/bin/env bash
# Installs, with apt-get, only the Debian 12 packages treatysearch needs that are missing.
# Used by quickstart.sh and run-tests.sh; safe to run again (does nothing when all are present).
#   install-deps.sh           what building and running need
#   install-deps.sh --tests   and what the tests need besides (a browser for the page's tests)
set -euo pipefail

packages=(
  build-essential cmake pkg-config python3
  libxapian-dev xapian-tools libicu-dev libpugixml-dev libboost-program-options-dev libboost-dev
  nlohmann-json3-dev libzstd-dev
  libcld2-dev libjemalloc-dev
  libgtest-dev libgmock-dev libbenchmark-dev unicode-data
  # extraction: PDF, OCR and its language packs for the six UN languages, DOCX, HTML, Word 97
  libpoppler-cpp-dev libtesseract-dev libleptonica-dev tesseract-ocr-osd tesseract-ocr-eng
  tesseract-ocr-fra tesseract-ocr-spa tesseract-ocr-rus tesseract-ocr-ara tesseract-ocr-chi-sim
  libzip-dev libgumbo-dev antiword
  # the benchmark's peer extractor (pdftotext)
  poppler-utils
)

# treaty-serve's page is tested in a real browser, headless (tests/server/page_test.py).
[ "${1:-}" = "--tests" ] && packages+=(chromium)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing packages: ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 2; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
