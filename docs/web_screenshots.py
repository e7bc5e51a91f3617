"""Save PNG screenshots of the web face, taken by headless Chromium (run by hand):
a citizen's page on a 360×740 phone and the hall display on a 1920×1080 projector.

.venv/bin/python docs/web_screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))

from shared import followup, speaking  # noqa: E402
from shared.db import open_store  # noqa: E402
from shared.demo import demo  # noqa: E402
from shared.registrations import payload  # noqa: E402
from tests.web.browser import CHROMIUM, screenshot, web_server  # noqa: E402


def main() -> None:
    if CHROMIUM is None:
        sys.exit("No Chromium: apt-get install chromium")
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.db"
        store = open_store(db, "docs")
        meeting_id, _ = demo(store)
        item = store.one("SELECT * FROM questions WHERE outcome = 'transferred'")
        assert item is not None
        followup.start(store, item["id"])
        citizen = store.one("SELECT * FROM registrations WHERE id = ?", (item["registration_id"],))
        assert citizen is not None
        token = payload(store, citizen)
        speaking.call(store, meeting_id)
        speaking.start(store, meeting_id, now=time.time() - 95)
        store.close()
        with web_server(db) as (url, _):
            screenshot(f"{url}/T/{token}", DOCS / "web-citizen.png", 360, 740)
            screenshot(f"{url}/man-hinh", DOCS / "web-display.png", 1920, 1080)
    print("wrote docs/web-citizen.png and docs/web-display.png")


if __name__ == "__main__":
    main()
