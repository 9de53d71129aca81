"""Atomic file writes: a file is replaced whole or not at all.

The new content goes to a temporary file in the same folder, is flushed and synced to disk,
then renamed over the target (``os.replace``: atomic on POSIX file systems, POSIX.1-2017
``rename()``). A write interrupted at any point (Ctrl-C, a closed pipe, a full disk, a killed
process) leaves the old file, or none if there was none, and no stray temporary file
once the exception has propagated. The file keeps the old file's permission bits; a new file
gets the usual ones (0666 less the umask), as ``open()`` would give it.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (creating the parent folder if missing).

    Input: a path and the complete new content. Raises :class:`OSError` (e.g. ``ENOSPC``,
    ``EFBIG``) with ``filename`` set to ``path`` and the old file untouched; on any exception,
    including :class:`KeyboardInterrupt`, the temporary file is removed.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OSError(exc.errno, exc.strerror, str(path)) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Replace ``path`` with ``text`` encoded as ``encoding`` (default UTF-8), atomically.

    See :func:`atomic_write_bytes` for the guarantees and errors.
    """
    atomic_write_bytes(path, text.encode(encoding))
