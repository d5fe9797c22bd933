#!/usr/bin/env sh
# Re-extract the UI's strings into pressklar_sv.ts and compile it to pressklar_sv.qm.
# Run from anywhere; translate new strings in the .ts (pyside6-linguist, or by hand), then run
# this again so the .qm matches. Both files are committed: the .qm travels into the wheel.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${PYSIDE6_BIN:-$root/.venv/bin}
cd "$root"
# shellcheck disable=SC2046
"$bin/pyside6-lupdate" -no-obsolete -locations relative \
  $(find editor/ui -name '*.py' | sort) -ts resources/translations/pressklar_sv.ts
"$bin/pyside6-lrelease" resources/translations/pressklar_sv.ts \
  -qm resources/translations/pressklar_sv.qm
