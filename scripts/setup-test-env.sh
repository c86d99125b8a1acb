#!/usr/bin/env bash
# Run by `npm test` before anything else (the `pretest` script) and so by `.ci/run`: makes sure the
# machine has what the tests need beyond Node, from the system's own packages (apt), never by
# downloading a browser:
#   chromium        the headless browser the end-to-end tests drive (/usr/bin/chromium, or CHROMIUM_PATH)
#   fonts-noto-cjk  Chinese glyphs, so that Chinese names render and measure as users see them
#   poppler-utils   pdftotext, which reads the printed PDF back in the print test
# As root it installs what is missing (apt-get update first, waiting for another apt to finish);
# otherwise it names exactly what to install and fails.
set -euo pipefail

missing=()
chromium_ok() {
  if [ -n "${CHROMIUM_PATH:-}" ]; then [ -x "$CHROMIUM_PATH" ]; return; fi
  [ -x /usr/bin/chromium ] || [ -x /usr/bin/chromium-browser ] || [ -x /usr/bin/google-chrome ]
}
cjk_fonts_ok() {
  # Not `grep -q`: it would stop reading early and fc-list's broken pipe fail the pipeline (pipefail).
  command -v fc-list >/dev/null && fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null
}
# Ubuntu ships Chromium as a snap, installed through its `chromium-browser` package (needs snapd).
chromium_package=chromium
grep -qs '^ID=ubuntu' /etc/os-release && chromium_package=chromium-browser
chromium_ok || missing+=("$chromium_package")
cjk_fonts_ok || missing+=(fonts-noto-cjk)
command -v pdftotext >/dev/null || missing+=(poppler-utils)

[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup-test-env: missing for the tests: ${missing[*]}" >&2
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  cat >&2 <<EOF
Install them as root with:
  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}
(Chromium may also be given with CHROMIUM_PATH=/path/to/chromium.)
EOF
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# Another apt run (a second checkout's tests, an unattended upgrade) holds the lock: wait for it.
apt=(apt-get -o DPkg::Lock::Timeout=600 -qq)
echo "setup-test-env: apt-get install ${missing[*]}" >&2
"${apt[@]}" update
"${apt[@]}" install -y --no-install-recommends "${missing[@]}" fontconfig >/dev/null
# fonts-noto-cjk registers its fonts through fontconfig's trigger; make sure the cache knows them.
fc-cache -f >/dev/null 2>&1 || true

chromium_ok || { echo "setup-test-env: chromium is still missing after apt-get install" >&2; exit 1; }
cjk_fonts_ok || { echo "setup-test-env: the Noto Sans CJK fonts are still missing after apt-get install" >&2; exit 1; }
command -v pdftotext >/dev/null || { echo "setup-test-env: pdftotext is still missing after apt-get install" >&2; exit 1; }
echo "setup-test-env: installed ${missing[*]}" >&2
