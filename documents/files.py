"""Writing export files: atomically (a temp file, then rename) and reproducibly (the
same data gives the same bytes, so two exports can be compared)."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def current_umask() -> int:
    """The process's umask (reading it means setting it, so it is set straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> Path:
    """Never leaves a half-written file: a crash or a full disk leaves the old one. The
    file gets the permissions any new file would (0644 under the usual umask), not the
    temporary file's 0600."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        os.fchmod(handle, 0o666 & ~current_umask())
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def fixed_zip(data: bytes, edit: Callable[[str, bytes], bytes] | None = None) -> bytes:
    """Rewrite an Office zip with fixed entry times, so its bytes depend on content only;
    `edit` may change a member on the way (a timestamp the library insists on)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            content = source.read(info.filename)
            target.writestr(entry, edit(info.filename, content) if edit else content)
    return out.getvalue()


def stable_xlsx(data: bytes, moment: dt.datetime) -> bytes:
    """An openpyxl workbook with fixed zip times and its "modified" stamp (which openpyxl
    sets to the time of saving) replaced by `moment`."""
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode()

    def same_modified(name: str, content: bytes) -> bytes:
        if name != "docProps/core.xml":
            return content
        return re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, content)

    return fixed_zip(data, same_modified)
