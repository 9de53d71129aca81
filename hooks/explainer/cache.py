"""The build cache: derived data keyed by the input bytes it came from.

One :class:`BuildCache` lives as long as its owner (the MkDocs plugin keeps one for a
whole ``mkdocs serve`` session; a one-off build starts empty). Every derived value
(a parsed seed, a catalog's translations, an article's translation state, facts,
glossary uses, a rendered page with its search records) sits in a *slot* (what it
is: ``("page", "en/deepseek.md")``) under a *key* (what it was made from: digests of
the seed, side files, catalogs, interface strings and options it depends on). A
later build that asks for the same slot with an equal key gets the stored value;
any other key recomputes it. Keys are content, never file times, so a save that
changes nothing changes nothing, and a rebuild is exact by construction: a value
is reused only when everything it was made from is byte-identical.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def digest(*parts: bytes | str | None) -> bytes:
    """A 16-byte BLAKE2b digest of ``parts`` (``None`` for a missing input), each length-prefixed.

    >>> digest(b"a", b"bc") != digest(b"ab", b"c"), digest(None) != digest(b"")
    (True, True)
    """
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        if part is None:
            hasher.update(b"\xff")
            continue
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.digest()


class BuildCache:
    """Slots of derived data, reused while their keys are equal (see the module docstring).

    ``hits`` and ``misses`` count look-ups since the last :meth:`sweep`, for the build log.
    """

    def __init__(self) -> None:
        self._slots: dict[Hashable, tuple[Hashable, Any]] = {}
        self._used: set[Hashable] = set()
        self.hits = 0
        self.misses = 0

    def get(self, slot: Hashable, key: Hashable, compute: Callable[[], T]) -> T:
        """The value in ``slot`` if it was made from ``key``, else ``compute()`` (stored for next time).

        An exception from ``compute`` propagates and leaves the slot as it was.
        """
        self._used.add(slot)
        entry = self._slots.get(slot)
        if entry is not None and entry[0] == key:
            self.hits += 1
            return entry[1]  # type: ignore[no-any-return]
        value = compute()
        self._slots[slot] = (key, value)
        self.misses += 1
        return value

    def sweep(self) -> None:
        """Forget the slots no look-up asked for since the last sweep (a deleted seed's pages); reset the counts."""
        for slot in set(self._slots) - self._used:
            del self._slots[slot]
        self._used = set()
        self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._slots)


def read_bytes(path: Path) -> bytes | None:
    """The bytes of ``path``, or ``None`` when there is no such file. Other ``OSError``s propagate."""
    try:
        return path.read_bytes()
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None


def user_cache_dir() -> Path | None:
    """The per-user cache folder of derived files kept between processes (the lexicon, compiled templates).

    ``$XDG_CACHE_HOME/explainer`` when the variable is an absolute path, else ``~/.cache/explainer``
    (XDG Base Directory Specification); ``None`` when there is no home folder. Deleting it is always
    safe: everything in it is made again when needed.
    """
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "explainer"
    try:
        return Path.home() / ".cache" / "explainer"
    except RuntimeError:
        return None
