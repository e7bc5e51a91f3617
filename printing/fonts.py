"""Be Vietnam Pro for every letter on paper, and what to do with characters it lacks.

Receipt printers' code pages cannot print Vietnamese reliably, so all text becomes
pixels drawn with a font that covers every Vietnamese letter. Characters the font does
not have (emoji, other scripts) are dropped rather than printed as empty boxes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from fontpkg_be_vietnam_pro import ROOT
from fontTools.ttLib import TTFont
from PIL import ImageFont

FONT_DIR = ROOT / "files"
_SPACES = re.compile(r"\s+")


def font_path(bold: bool = False) -> str:
    return str(FONT_DIR / ("BeVietnamPro-Bold.ttf" if bold else "BeVietnamPro-Regular.ttf"))


@lru_cache(maxsize=64)
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(font_path(bold), size)


@lru_cache(maxsize=1)
def covered() -> frozenset[int]:
    """Code points both weights can draw."""
    maps = [TTFont(font_path(bold), lazy=True).getBestCmap() for bold in (False, True)]
    return frozenset(set(maps[0]) & set(maps[1]))


def printable(text: str) -> str:
    """NFC text with control characters and glyphs the font lacks removed."""
    have = covered()
    kept = []
    for char in unicodedata.normalize("NFC", text):
        if char in " \t\n\r":
            kept.append(" ")
        elif unicodedata.category(char)[0] != "C" and ord(char) in have:
            kept.append(char)
    return _SPACES.sub(" ", "".join(kept)).strip()
