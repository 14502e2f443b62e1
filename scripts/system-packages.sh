#!/usr/bin/env bash
# The system packages the tests use, from Debian's packages, installed only when missing:
# LibreOffice and poppler (Word output is opened, converted to PDF and read back), LibreOffice's
# Python bridge (a redline's changes are accepted and rejected in LibreOffice itself) and Chromium
# (the review page is tested in a real browser through Playwright; no browser is downloaded).
set -euo pipefail
if command -v soffice >/dev/null && command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null && [ -x /usr/bin/chromium ] \
  && /usr/bin/python3 -c "import uno" 2>/dev/null; then
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libreoffice-writer-nogui python3-uno poppler-utils fonts-liberation chromium >/dev/null
