"""A sheet of receipt paper: blocks stacked top to bottom, then one mode "1" image.

Text wraps at word boundaries by measured width; a word wider than the paper breaks
between characters, keeping any combining mark with its letter, so nothing overflows
and no glyph is cut.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from PIL import Image, ImageDraw

from printing.fonts import font, printable
from printing.qr import qr_image
from shared.text import wrap as shared_wrap

Align = Literal["left", "center"]
WHITE, BLACK = 1, 0


@dataclass(frozen=True)
class QrSpot:
    """Where the QR code sits on the paper, so compact mode can send it as a native code."""

    top: int
    height: int
    payload: str
    module: int
    modules: int


@dataclass(frozen=True)
class Paper:
    """A finished sheet: the image, its QR code's place if it has one, and the lines of
    text drawn on it, top to bottom (what a test or a preview reads)."""

    image: Image.Image
    qr: QrSpot | None = None
    lines: tuple[str, ...] = ()


def wrap(text: str, size: int, bold: bool, width: int) -> list[str]:
    """Lines of `text` no wider than `width` dots in the given font."""
    return shared_wrap(printable(text), width, font(size, bold).getlength)


# The tallest stacked marks and the deepest descenders Vietnamese text can have.
_PROBE = "ỖẪẶỸẬỆỴgjpqyỵỹ"


@lru_cache(maxsize=64)
def _metrics(size: int, bold: bool) -> tuple[int, int]:
    """(room above the ascent, line height) for one font, the same for every line, so
    stacked marks (Ỗ, Ẫ) are never clipped and lines sit evenly."""
    face = font(size, bold)
    ascent, descent = face.getmetrics()
    _, top, _, bottom = face.getbbox(_PROBE, anchor="la")
    rise = max(0, -int(top))
    return rise, rise + max(ascent + descent, int(bottom)) + round(size * 0.15)


@lru_cache(maxsize=512)
def _line(line: str, size: int, bold: bool, align: Align, width: int, margin: int) -> Image.Image:
    """One line of text across the paper. Cached: the title, the labels and the
    instructions are the same on every ticket of a meeting. Never drawn on afterwards."""
    face = font(size, bold)
    rise, height = _metrics(size, bold)
    block = Image.new("1", (width, height), WHITE)
    left = margin
    if align == "center":
        left = (width - round(face.getlength(line))) // 2
    ImageDraw.Draw(block).text((left, rise), line, font=face, fill=BLACK, anchor="la")
    return block


class Sheet:
    """Stack text, rules and images; `image()` gives the finished paper."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.margin = max(8, width // 36)
        self.scale = width / 576
        self.blocks: list[Image.Image] = []
        self.lines: list[str] = []
        self._qr: QrSpot | None = None

    def px(self, size: float) -> int:
        """A size designed for 576-dot paper, scaled to this one."""
        return max(1, round(size * self.scale))

    @property
    def inner(self) -> int:
        return self.width - 2 * self.margin

    def big_text(self, text: str, size: float) -> None:
        """Very large bold text drawn at half resolution and doubled, so that compact mode
        can send it as a quarter of the bytes with the printer's own double size."""
        half = Sheet(self.width // 2)
        half.scale = self.scale / 2
        half.text(text, size, bold=True)
        drawn = half.paper().image
        self.lines.extend(half.lines)
        self.blocks.append(drawn.resize((self.width, drawn.height * 2), Image.Resampling.NEAREST))

    def text(self, text: str, size: float, bold: bool = False, align: Align = "center") -> None:
        face_size = self.px(size)
        for line in wrap(text, face_size, bold, self.inner):
            self.lines.append(line)
            self.blocks.append(_line(line, face_size, bold, align, self.width, self.margin))

    def space(self, size: float) -> None:
        self.blocks.append(Image.new("1", (self.width, self.px(size)), WHITE))

    def rule(self, thickness: float = 2) -> None:
        self.space(8)
        block = Image.new("1", (self.width, self.px(thickness)), WHITE)
        ImageDraw.Draw(block).rectangle(
            (self.margin, 0, self.width - self.margin - 1, block.height - 1), fill=BLACK
        )
        self.blocks.append(block)
        self.space(8)

    def qr(self, payload: str) -> None:
        """The QR code, centred; only one per sheet."""
        picture, module, modules = qr_image(payload, self.inner)
        top = sum(block.height for block in self.blocks)
        self._qr = QrSpot(top, picture.height, payload, module, modules)
        block = Image.new("1", (self.width, picture.height), WHITE)
        block.paste(picture, ((self.width - picture.width) // 2, 0))
        self.blocks.append(block)

    def paper(self) -> Paper:
        height = sum(block.height for block in self.blocks)
        image = Image.new("1", (self.width, height), WHITE)
        top = 0
        for block in self.blocks:
            image.paste(block, (0, top))
            top += block.height
        return Paper(image, self._qr, tuple(self.lines))
