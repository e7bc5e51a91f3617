"""A station served to a browser (`hallkit serve`) shows Vietnamese whole: the terminal font
(Roboto Mono, every Vietnamese letter) comes from this machine, not from Google Fonts (the
hall's network may be offline), and the lines are tall enough for a letter with two marks
(ễ, ỗ, ặ), which xterm.js's default line height of 1.0 cuts ("Nguyễn" read "Nguyên")."""

from __future__ import annotations

import asyncio
import io
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from kiosk.serve import LINE_HEIGHT, SCRIPT_PATCHES, legible_script
from shared.db import open_store
from shared.demo import demo
from tests.tui.test_serve import TOKEN, get, start_server
from tests.web.browser import CHROMIUM, browser_page

VIETNAMESE = "ăâđêôơưĂÂĐÊÔƠƯ" + "ẫậẵặềểễệỗộờởỡợừửữựỳỵỷỹẪẬẴẶỀỂỄỆỖỘỜỞỠỢỪỬỮỰỲỴỶỸ"
RECORDER = """
window.__size = null;
const Original = window.WebSocket;
window.WebSocket = function (url, protocols) {
  const socket = new Original(url, protocols);
  const send = socket.send.bind(socket);
  socket.send = (data) => {
    if (typeof data === "string" && data.startsWith('["resize"')) window.__size = JSON.parse(data)[1];
    return send(data);
  };
  return socket;
};
window.WebSocket.prototype = Original.prototype;
"""
COOKIE = {"Cookie": f"hallkit_token={TOKEN}"}


@pytest.fixture
def served_chair(db_path: Path) -> Iterator[int]:
    store = open_store(db_path)
    demo(store)
    store.close()
    server, port = start_server(db_path, station="chair")
    yield port
    server.terminate()
    server.wait(10)


def test_every_patch_applies_to_the_installed_textual_serve() -> None:
    import textual_serve

    original = (Path(textual_serve.__file__).parent / "static/js/textual.js").read_text()
    for old, _ in SCRIPT_PATCHES:
        assert original.count(old) == 1, old  # textual-serve changed: look at kiosk/serve.py
    patched = legible_script(original)
    assert f"lineHeight:{LINE_HEIGHT}" in patched and LINE_HEIGHT >= 1.2
    assert "await document.fonts.ready" in patched


def test_the_page_uses_a_local_font_with_every_vietnamese_letter(served_chair: int) -> None:
    page = get(served_chair, "/", COOKIE).read().decode()
    assert "fonts.googleapis.com" not in page and "https://" not in page.split("<body")[0]
    assert "/hallkit/textual.js" in page and "@font-face" in page
    font_url = page.split('src: url("', 1)[1].split('"', 1)[0]
    font = get(served_chair, font_url, COOKIE)
    assert font.status == 200
    cmap = TTFont(io.BytesIO(font.read())).getBestCmap()
    assert [c for c in VIETNAMESE if ord(c) not in cmap] == []
    script = get(served_chair, "/hallkit/textual.js", COOKIE).read().decode()
    assert f"lineHeight:{LINE_HEIGHT}" in script and "'Roboto Mono'" in script
    assert get(served_chair, "/hallkit/textual.js").status == 403  # the token, as everywhere


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (apt-get install chromium)")
async def test_the_browser_draws_with_the_local_font_and_tall_lines(served_chair: int) -> None:
    async with browser_page("about:blank", 1280, 800) as page:
        await page.call("Page.enable")  # else the recorder is not installed
        await page.call("Page.addScriptToEvaluateOnNewDocument", source=RECORDER)
        await page.call("Page.navigate", url=f"http://127.0.0.1:{served_chair}/?token={TOKEN}")
        give_up = time.monotonic() + 60
        while "-first-byte" not in (await page.evaluate("document.body.className") or ""):
            assert time.monotonic() < give_up, "the station never drew"
            await asyncio.sleep(0.05)
        assert await page.evaluate("document.fonts.check(\"16px 'Roboto Mono'\")")
        loaded = await page.evaluate(
            "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)"
        )
        assert any("Roboto Mono" in family for family in loaded), loaded
        # the rows the page asked the station for, over the height they fill: 16 px type
        # in rows of at least 1.2 times that (1.0 cut the upper of two marks)
        size = await page.evaluate("window.__size")
        height = await page.evaluate(
            "document.querySelector('.xterm-screen').getBoundingClientRect().height"
        )
        assert size and height / size["height"] >= 16 * 1.2, (height, size)
