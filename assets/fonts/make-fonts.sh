#!/usr/bin/env bash
# (Re)create the Chinese fonts shipped in assets/fonts/ from Debian's
# fonts-noto-cjk package, reproducibly.
#
#   NotoSerifCJKsc-Regular.otf  Noto Serif CJK SC (Song style): certificates
#   NotoSansCJKsc-Regular.otf   Noto Sans CJK SC (Hei style): posters and forms
#
# Each is face 2 (SC) of the Debian .ttc collection, extracted with fontTools
# and run through pyftsubset keeping every character (--unicodes='*') but no
# OpenType layout features: the printing crate draws glyphs through the cmap
# only, so GSUB/GPOS are dead weight (24.4 MB -> 17.2 MB for Serif). Coverage
# of rare name characters (Ext A-E, e.g. 䶮 㛃 𠮷 𡈼) is unchanged.
#
# Installs what it needs: the .deb through apt-get download (no install), and
# fontTools (pinned) in a throw-away virtualenv. The output is byte-stable:
# fontTools is told not to touch the head.modified timestamp, and the result
# is checked against SHA256SUMS (pass --update-sums after a deliberate change
# of the package or fontTools version).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
FONTTOOLS_VERSION="4.68.0"
DEB_VERSION="1:20220127+repack1-1"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

update_sums=0
[ "${1:-}" = "--update-sums" ] && update_sums=1

cd "$WORK"
if ! apt-get download "fonts-noto-cjk=${DEB_VERSION}" 2>/dev/null; then
    echo "fonts-noto-cjk=${DEB_VERSION} not in the apt lists; running apt-get update" >&2
    apt-get update -qq
    apt-get download "fonts-noto-cjk=${DEB_VERSION}" || apt-get download fonts-noto-cjk
fi
dpkg-deb -x fonts-noto-cjk_*.deb x/
SRC="$WORK/x/usr/share/fonts/opentype/noto"

python3 -m venv venv
./venv/bin/pip install --quiet --disable-pip-version-check "fonttools==${FONTTOOLS_VERSION}"

./venv/bin/python - "$SRC" "$WORK" <<'EOF'
import sys
from fontTools.ttLib import TTCollection
src, out = sys.argv[1], sys.argv[2]
for family in ("Serif", "Sans"):
    ttc = TTCollection(f"{src}/Noto{family}CJK-Regular.ttc", recalcTimestamp=False)
    face = ttc.fonts[2]  # 0 JP, 1 KR, 2 SC, 3 TC, 4 HK
    name = face["name"].getDebugName(4)
    assert name == f"Noto {family} CJK SC" or name.startswith(f"Noto {family} CJK SC"), name
    face.save(f"{out}/{family}-SC-full.otf")
EOF

for family in Serif Sans; do
    ./venv/bin/pyftsubset "$WORK/${family}-SC-full.otf" \
        --unicodes='*' --layout-features='' \
        --name-IDs='*' --name-languages='*' --notdef-outline \
        --output-file="$HERE/Noto${family}CJKsc-Regular.otf"
done

# The licence travels with the fonts: OFL.txt is the copyright notice of the
# fonts themselves (name ID 0) followed by the SIL OFL 1.1 text as Debian
# ships it; the Debian copyright file is kept as it is, for provenance.
cp "$WORK/x/usr/share/doc/fonts-noto-cjk/copyright" "$HERE/debian-copyright.txt"
./venv/bin/python - "$HERE" "$WORK/x/usr/share/doc/fonts-noto-cjk/copyright" <<'EOF2'
import sys
from fontTools.ttLib import TTFont
here, copyright_file = sys.argv[1], sys.argv[2]
notices = []
for f in ("NotoSerifCJKsc-Regular.otf", "NotoSansCJKsc-Regular.otf"):
    n = TTFont(f"{here}/{f}", lazy=True)["name"].getDebugName(0)
    if n not in notices:
        notices.append(n)
text, on = [], False
for line in open(copyright_file, encoding="utf-8"):
    if line.startswith("License: SIL-1.1") and not line.strip().endswith("1.1 ") and text == [] and not on:
        on = "pending"
        continue
    if on == "pending" or on is True:
        if not line.startswith(" "):
            if on is True:
                break
            on = False
            continue
        on = True
        body = line[1:].rstrip("\n")
        text.append("" if body == "." else body)
with open(f"{here}/OFL.txt", "w", encoding="utf-8") as out:
    out.write("Noto Serif CJK SC and Noto Sans CJK SC (subset: no OpenType layout tables)\n")
    for n in notices:
        out.write(n + "\n")
    out.write("\nThis Font Software is licensed under the SIL Open Font License, Version 1.1.\n\n")
    out.write("\n".join(text).strip("\n") + "\n")
EOF2

cd "$HERE"
if [ "$update_sums" = 1 ]; then
    sha256sum NotoSerifCJKsc-Regular.otf NotoSansCJKsc-Regular.otf > SHA256SUMS
fi
sha256sum -c SHA256SUMS
ls -l "$HERE"/*.otf
