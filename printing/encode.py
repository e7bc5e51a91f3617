"""Paper to ESC/POS bytes with python-escpos, as raster images (`GS v 0`).

Images are pre-composed at the full paper width and sent in fragments of at most 900
rows: in python-escpos 3.1 `center=True` breaks images taller than one fragment and
`impl="graphics"` corrupts full-width images above ~910 rows.

Compact mode, for slow serial printers: blank rows become paper feeds (`ESC J`), each
band of text is cropped to its ink and placed with the left margin (`GS L`), and the QR
code is sent as a native code (`GS ( k`) the printer draws itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PIL import Image, ImageChops

from printing.sheet import Paper
from shared.i18n import UserError

if TYPE_CHECKING:  # python-escpos loads its capability database on import: only when printing
    from escpos.printer import Dummy

FRAGMENT_ROWS = 900
DEFAULT_PROFILE = "TM-T20II"
ESC, GS = b"\x1b", b"\x1d"
INIT = ESC + b"@"


def profile_width(profile: str) -> int:
    """Paper width in dots of a python-escpos capability profile, e.g. TM-T88V -> 512."""
    from escpos.capabilities import get_profile

    try:
        pixels = get_profile(profile).profile_data["media"]["width"]["pixels"]
    except (KeyError, ValueError):
        raise UserError(
            'No printer profile "{profile}" (e.g. TM-T20II, TM-T88V, POS-5890).', profile=profile
        ) from None
    if not isinstance(pixels, int):
        raise UserError(
            "The printer profile {profile} has no paper width; choose another.", profile=profile
        )
    return pixels


def _raster(printer: Dummy, image: Image.Image, doubled: bool = False) -> None:
    """GS v 0 in fragments; `doubled` sends a quarter of the dots at double width and height."""
    rows = FRAGMENT_ROWS // 2 if doubled else FRAGMENT_ROWS
    if doubled:
        image = image.resize((image.width // 2, image.height // 2), Image.Resampling.NEAREST)
    for top in range(0, image.height, rows):
        fragment = image.crop((0, top, image.width, min(image.height, top + rows)))
        printer.image(
            fragment,
            impl="bitImageRaster",
            fragment_height=FRAGMENT_ROWS,
            high_density_horizontal=not doubled,
            high_density_vertical=not doubled,
        )


def _is_doubled(image: Image.Image) -> bool:
    """True when every 2x2 block of dots is one colour, so half the resolution loses nothing."""
    if image.width % 2 or image.height % 2:
        return False
    half = image.resize((image.width // 2, image.height // 2), Image.Resampling.NEAREST)
    return half.resize(image.size, Image.Resampling.NEAREST).tobytes() == image.tobytes()


def _feed(printer: Dummy, dots: int) -> None:
    while dots > 0:
        step = min(dots, 255)
        printer._raw(ESC + b"J" + bytes((step,)))
        dots -= step


def _ink_rows(image: Image.Image) -> list[bool]:
    """For each row, whether anything is printed on it."""
    width = image.width
    pixels = image.convert("L").tobytes()
    white = b"\xff" * width
    return [pixels[y * width : (y + 1) * width] != white for y in range(image.height)]


def _compact_raster(printer: Dummy, image: Image.Image) -> None:
    """Feed over blank rows; send each band of ink cropped to whole bytes, at its margin."""
    rows = _ink_rows(image)
    y = 0
    while y < image.height:
        end = y
        while end < image.height and rows[end] == rows[y]:
            end += 1
        if not rows[y]:
            _feed(printer, end - y)
        else:
            band = image.crop((0, y, image.width, end))
            left, _, right, _ = ImageChops.invert(band.convert("L")).getbbox() or (0, 0, 8, 0)
            left, right = left // 8 * 8, min(image.width, (right + 7) // 8 * 8)
            printer._raw(GS + b"L" + left.to_bytes(2, "little"))
            cropped = band.crop((left, 0, right, band.height))
            _raster(printer, cropped, doubled=_is_doubled(cropped))
        y = end
    printer._raw(GS + b"L\x00\x00")


def encode(paper: Paper, profile: str = DEFAULT_PROFILE, compact: bool = False) -> bytes:
    """The bytes a receipt printer needs for `paper`, ending with a cut where it has one."""
    width = profile_width(profile)
    if paper.image.width > width:
        raise UserError(
            "The paper is {width} dots wide; {profile} prints {dots}.",
            width=paper.image.width,
            profile=profile,
            dots=width,
        )
    from escpos.constants import QR_ECLEVEL_M
    from escpos.printer import Dummy

    printer = Dummy(profile=profile)
    printer._raw(INIT)
    qr = paper.qr
    if not compact or qr is None:
        _raster(printer, paper.image)
    else:
        image = paper.image
        _compact_raster(printer, image.crop((0, 0, image.width, qr.top)))
        quiet = (qr.height - qr.modules * qr.module) // 2
        _feed(printer, quiet)
        printer._raw(ESC + b"a\x01")
        printer.qr(qr.payload, ec=QR_ECLEVEL_M, size=qr.module, native=True)
        printer._raw(ESC + b"a\x00")
        _feed(printer, quiet)
        _compact_raster(printer, image.crop((0, qr.top + qr.height, image.width, image.height)))
    printer.cut()
    return bytes(printer.output)
