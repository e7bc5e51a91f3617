"""Fixtures for printing: a registered citizen and a QR reader."""

from __future__ import annotations

from typing import Any

import pytest
import zxingcpp
from PIL import Image

from shared.db import Store
from shared.registrations import register


@pytest.fixture
def citizen(store: Store, meeting: int) -> dict[str, Any]:
    for name in ("Hoàng Văn Bình", "Lê Thị Hoa"):
        register(store, meeting, consent=True, name=name)
    return register(
        store,
        meeting,
        consent=True,
        name="Nguyễn Thị Thu Hà",
        village="Thôn Đoài",
        field="Giao thông",
        phone="0912345678",
    )


def read_qr(image: Image.Image) -> str:
    found = zxingcpp.read_barcodes(image.convert("L"))
    assert len(found) == 1, f"{len(found)} QR codes found"
    return str(found[0].text)
