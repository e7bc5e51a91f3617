"""A USB barcode scanner at a console opened in a browser (`hallkit serve console`): the
scanner types into the page as a keyboard does; xterm.js sends the keys over the
websocket; the console must take each burst whole. What the console draws is read back
from the websocket itself (recorded in the page, replayed into a terminal emulator)."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pyte
import pytest

from shared.db import open_store
from shared.demo import demo
from shared.i18n import tr
from shared.registrations import payload
from tests.tui.test_serve import TOKEN, start_server
from tests.web.browser import CHROMIUM, Page, browser_page

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium installed (apt-get install chromium; .ci/run does)"
)
BURSTS = 40

# Installed before the page's own script: keep every byte the console sends to the page,
# and the terminal size the page asks for.
RECORDER = """
window.__drawn = []; window.__size = null;
const Original = window.WebSocket;
window.WebSocket = function (url, protocols) {
  const socket = new Original(url, protocols);
  socket.addEventListener("message", (event) => {
    if (event.data instanceof ArrayBuffer) window.__drawn.push(Array.from(new Uint8Array(event.data)));
  });
  const send = socket.send.bind(socket);
  socket.send = (data) => {
    if (typeof data === "string" && data.startsWith('["resize"')) window.__size = JSON.parse(data)[1];
    return send(data);
  };
  return socket;
};
window.WebSocket.prototype = Original.prototype;
"""


class Drawn:
    """The console's screen as the page shows it, rebuilt from the recorded bytes."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.screen: pyte.Screen | None = None
        self.stream: pyte.ByteStream | None = None

    async def text(self) -> str:
        if self.screen is None:
            size = await self.page.evaluate("window.__size")
            if not size:
                return ""
            self.screen = pyte.Screen(size["width"], size["height"])
            self.stream = pyte.ByteStream(self.screen)
        assert self.stream is not None
        for chunk in await self.page.evaluate("window.__drawn.splice(0)"):
            self.stream.feed(bytes(chunk))
        return "\n".join(self.screen.display)

    async def wait_for(self, text: str, timeout: float = 30) -> str:
        give_up = time.monotonic() + timeout
        while text not in (shown := await self.text()):
            assert time.monotonic() < give_up, f"{text!r} not on the page:\n{shown}"
            await asyncio.sleep(0.05)
        return shown


async def test_a_scanner_in_a_browser_is_taken_whole(db_path: Path) -> None:
    store = open_store(db_path)
    meeting = demo(store)[0]
    rows = store.all("SELECT * FROM registrations WHERE meeting_id = ? ORDER BY number", (meeting,))
    server, port = start_server(db_path, station="console")
    try:
        async with browser_page("about:blank", 1400, 1000) as page:
            await page.call("Page.enable")  # else the recorder is not installed
            await page.call("Page.addScriptToEvaluateOnNewDocument", source=RECORDER)
            await page.call("Page.navigate", url=f"http://127.0.0.1:{port}/?token={TOKEN}")
            drawn = Drawn(page)
            await drawn.wait_for(tr("Call next", "vi"))
            await page.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
            for index in range(BURSTS):
                row = rows[index % len(rows)]
                await page.type_keys(payload(store, row) + "\r")
                title = tr("Questions of number {number}", "vi", number=f"{row['number']:03d}")
                shown = await drawn.wait_for(title)
                assert "Không tìm thấy" not in shown and "KHÔNG HỢP LỆ" not in shown, shown
    finally:
        server.terminate()
        server.wait(10)
        store.close()
