#!/usr/bin/env bash
# The system packages the tests use, from Debian's packages, installed only when missing:
# LibreOffice and poppler (Word output is opened, converted to PDF and read back) and Chromium
# (the review page is tested in a real browser through Playwright; no browser is downloaded).
set -euo pipefail
if command -v soffice >/dev/null && command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null && [ -x /usr/bin/chromium ]; then
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libreoffice-writer-nogui poppler-utils fonts-liberation chromium >/dev/null
