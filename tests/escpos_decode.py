"""Read ESC/POS bytes back into the paper they print: the test's stand-in for a printer.

Understands exactly the commands hallkit sends; anything else is an error, so stray
bytes (text smuggled in as commands, say) cannot pass unnoticed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import qrcode
from PIL import Image
from qrcode.constants import ERROR_CORRECT_H, ERROR_CORRECT_L, ERROR_CORRECT_M, ERROR_CORRECT_Q

EC_LEVELS = {48: ERROR_CORRECT_L, 49: ERROR_CORRECT_M, 50: ERROR_CORRECT_Q, 51: ERROR_CORRECT_H}


@dataclass
class Printed:
    width: int
    rows: list[bytes] = field(default_factory=list)
    native_qr: list[tuple[str, int, int]] = field(default_factory=list)  # payload, size, ec
    commands: list[str] = field(default_factory=list)
    cut: bool = False

    def blank(self, count: int) -> None:
        self.rows.extend([b"\xff" * self.width] * count)

    def place(self, picture: Image.Image, left: int) -> None:
        grey = picture.convert("L")
        for y in range(grey.height):
            row = bytearray(b"\xff" * self.width)
            data = grey.crop((0, y, grey.width, y + 1)).tobytes()
            row[left : left + len(data)] = data[: self.width - left]
            self.rows.append(bytes(row))

    def image(self) -> Image.Image:
        picture = Image.frombytes("L", (self.width, len(self.rows)), b"".join(self.rows))
        return picture.convert("1")


def _raster(data: bytes, width_bytes: int, height: int) -> Image.Image:
    """GS v 0 data: one bit a dot, 1 = black."""
    picture = Image.frombytes("1", (width_bytes * 8, height), data)
    return Image.eval(picture.convert("L"), lambda value: 255 - value)


def decode(data: bytes, width: int) -> Printed:
    out = Printed(width)
    margin = justify = 0
    qr_size, qr_ec, qr_data = 3, ERROR_CORRECT_L, ""
    i = 0
    while i < len(data):
        if data.startswith(b"\x1b@", i):
            out.commands.append("init")
            i += 2
        elif data.startswith(b"\x1dv0", i):
            scale_x, scale_y = 1 + (data[i + 3] & 1), 1 + (data[i + 3] >> 1 & 1)
            width_bytes = data[i + 4] + 256 * data[i + 5]
            height = data[i + 6] + 256 * data[i + 7]
            end = i + 8 + width_bytes * height
            picture = _raster(data[i + 8 : end], width_bytes, height)
            size = (picture.width * scale_x, picture.height * scale_y)
            out.place(picture.resize(size, Image.Resampling.NEAREST), margin)
            out.commands.append(f"raster {width_bytes * 8}x{height} x{scale_x}")
            i = end
        elif data.startswith(b"\x1dL", i):
            margin = data[i + 2] + 256 * data[i + 3]
            i += 4
        elif data.startswith(b"\x1bJ", i):
            out.blank(data[i + 2])
            i += 3
        elif data.startswith(b"\x1ba", i):
            justify = data[i + 2]
            i += 3
        elif data.startswith(b"\x1bd", i):
            out.commands.append(f"feed {data[i + 2]} lines")
            i += 3
        elif data.startswith(b"\x1d(k", i):
            length = data[i + 3] + 256 * data[i + 4]
            body = data[i + 5 : i + 5 + length]
            function = body[1]
            if function == 67:
                qr_size = body[2]
            elif function == 69:
                qr_ec = EC_LEVELS[body[2]]
            elif function == 80:
                qr_data = body[3:].decode("utf-8")
            elif function == 81:
                code = qrcode.QRCode(error_correction=qr_ec, box_size=qr_size, border=0)
                code.add_data(qr_data)
                code.make(fit=True)
                picture = code.make_image().get_image().convert("1")
                left = (width - picture.width) // 2 if justify == 1 else margin
                out.place(picture, left)
                out.native_qr.append((qr_data, qr_size, qr_ec))
            i += 5 + length
        elif data.startswith(b"\x1dV", i):
            out.cut = True
            i += 3 if data[i + 2] in (0, 1, 48, 49) else 4
        else:
            raise ValueError(f"unexpected bytes at {i}: {data[i : i + 8]!r}")
    return out
