"""How wide a line of Times New Roman is, so the header and signature layout can be
computed instead of guessed (Word and LibreOffice wrap a header line that is 1 mm too long).

The advance widths are Liberation Serif's (metric-compatible with Times New Roman by
design), stored in serif_widths.json so an export needs no font installed. Regenerate the
table from the installed fonts (Debian: fonts-liberation2) with
`python -m documents.metrics /usr/share/fonts/truetype/liberation`.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from functools import cache
from pathlib import Path

TABLE = Path(__file__).with_name("serif_widths.json")
STYLES = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bold_italic": "BoldItalic"}
# Every character a Vietnamese document writes: ASCII, Latin-1, Latin Extended-A/B, the
# Vietnamese precomposed letters, combining marks, and the punctuation Word substitutes.
RANGES = ((0x20, 0x7E), (0xA0, 0x24F), (0x300, 0x323), (0x1EA0, 0x1EF9), (0x2010, 0x2026))
CM_PER_PT = 2.54 / 72


def style_of(bold: bool, italic: bool) -> str:
    if italic:
        return "bold_italic" if bold else "italic"
    return "bold" if bold else "regular"


@cache
def _table() -> dict[str, dict[str, int]]:
    data: dict[str, dict[str, int]] = json.loads(TABLE.read_text(encoding="utf-8"))
    return data


@cache
def _advance(char: str, style: str) -> int:
    widths = _table()[style]
    if char in widths:
        return widths[char]
    # A letter the table lacks: its base letter (combining marks take no width), else an "n".
    base = unicodedata.normalize("NFD", char)[:1]
    return widths.get(base, widths["n"])


def width_cm(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> float:
    """The printed width of `text` on one line, in centimetres."""
    style = style_of(bold, italic)
    units = sum(_advance(char, style) for char in text)
    return units / _table()["meta"]["units_per_em"] * size_pt * CM_PER_PT


def generate(folder: Path) -> dict[str, dict[str, int]]:
    """The width table from LiberationSerif-*.ttf in `folder` (needs fontTools)."""
    from fontTools.ttLib import TTFont

    table: dict[str, dict[str, int]] = {}
    for key, name in STYLES.items():
        font = TTFont(folder / f"LiberationSerif-{name}.ttf")
        cmap, metrics = font.getBestCmap(), font["hmtx"]
        table["meta"] = {"units_per_em": font["head"].unitsPerEm}
        table[key] = {
            chr(code): metrics[cmap[code]][0]
            for start, end in RANGES
            for code in range(start, end + 1)
            if code in cmap
        }
    return table


if __name__ == "__main__":  # pragma: no cover - a maintainer's tool
    made = generate(
        Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/liberation")
    )
    TABLE.write_text(json.dumps(made, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    sys.stdout.write(f"{TABLE}: {sum(len(v) for v in made.values())} widths\n")
