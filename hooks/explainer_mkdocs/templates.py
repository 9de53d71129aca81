"""Compiled Jinja templates kept across builds: in memory for ``mkdocs serve``, on disk for every build.

MkDocs makes a new Jinja environment per build and Jinja compiles every template it loads
(Material's ``base.html``, its partials, ``overrides/``): about 0.17 s of CPU per build,
whatever the number of pages. :class:`TemplateBytecode` is a Jinja bytecode cache (Jinja's
public ``Environment.bytecode_cache`` interface, as ``jinja2.FileSystemBytecodeCache``): a
template whose compiled code is stored is not compiled again.

Correctness rests on Jinja's own checks plus one of ours. Jinja stores with the code the
SHA-1 of the template's source and its bytecode format and Python version
(``jinja2.bccache.bc_magic``), and recompiles on any difference: an edited override or an
upgraded Material recompiles. Compiled code also depends on the environment (extensions,
syntax and whitespace options, autoescaping, which filters and tests exist and what they
are passed), which Jinja's key does not cover; so the file name holds a digest of those
too, with Jinja's and Python's versions. Files live in ``<cache folder>/jinja/`` (see
:func:`explainer.cache.user_cache_dir`), written atomically; an unreadable or damaged file
is compiled again, an unwritable folder only costs the compilation.
"""

from __future__ import annotations

import hashlib
import platform
from pathlib import Path

import jinja2
from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache

from explainer.fileio import atomic_write_bytes

_OPTIONS = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
            "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
            "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized", "is_async")


def _describe(value: object) -> str:
    """A callable by its qualified name, anything else by ``repr`` (stable across processes)."""
    if callable(value):
        return f"{getattr(value, '__module__', '?')}.{getattr(value, '__qualname__', type(value).__qualname__)}"
    return repr(value)


def environment_key(env: Environment) -> str:
    """Digest of what, besides a template's source, shapes its compiled code in ``env``.

    Input: a Jinja environment (its filters and tests as registered when a template loads).
    Output: 32 hex digits over Jinja's and Python's versions, the syntax and whitespace
    options, autoescape, finalize, the extensions, and each filter's and test's name with
    the argument Jinja passes it (``pass_context`` ...).
    """
    parts = [jinja2.__version__, platform.python_implementation(), platform.python_version()]
    parts += [f"{name}={getattr(env, name, None)!r}" for name in _OPTIONS]
    parts += [f"autoescape={_describe(env.autoescape)}", f"finalize={_describe(env.finalize)}"]
    parts += [f"ext:{key}:{getattr(ext, 'priority', '')}" for key, ext in sorted(env.extensions.items())]
    for kind, table in (("filter", env.filters), ("test", env.tests)):
        parts += [f"{kind}:{name}:{getattr(func, 'jinja_pass_arg', None)!r}" for name, func in sorted(table.items())]
    return hashlib.blake2b("\n".join(parts).encode("utf-8"), digest_size=16).hexdigest()


class TemplateBytecode(BytecodeCache):
    """A Jinja bytecode cache in memory (this process) and in ``folder`` (every build); ``None``: memory only."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._compiled: dict[str, bytes] = {}

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        key = self.get_cache_key(name, filename)
        env_key = environment_key(environment)
        bucket = Bucket(environment, hashlib.blake2b(f"{env_key}|{key}".encode(), digest_size=20).hexdigest(),
                        self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def _path(self, bucket: Bucket) -> Path | None:
        return self.folder / "jinja" / f"{bucket.key}.bc" if self.folder is not None else None

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self._compiled.get(bucket.key)
        if data is None and (path := self._path(bucket)) is not None:
            try:
                data = path.read_bytes()
            except OSError:
                return
        if data is None:
            return
        try:
            bucket.bytecode_from_string(data)  # Jinja resets the bucket on a wrong format or source checksum
        except Exception:  # noqa: BLE001 - a damaged file: the template is compiled again and the file replaced
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        data = bucket.bytecode_to_string()
        self._compiled[bucket.key] = data
        if (path := self._path(bucket)) is not None:
            try:
                atomic_write_bytes(path, data)
            except OSError:
                pass  # a read-only or full disk: compiled again next build
