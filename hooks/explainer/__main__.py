"""``python -m explainer`` and the ``explainer`` command: the editors' and translators' command line.

:func:`run` imports the command line inside a guard, so a Ctrl-C while Python is still loading
it ends with a one-line message and status 130, not a traceback (nothing has been written yet).
"""

from __future__ import annotations

import sys


def run() -> int:
    """Entry point of ``explainer`` (``[project.scripts]``): load :mod:`explainer.cli`, run it, return its status."""
    try:
        from explainer.cli import main
    except KeyboardInterrupt:
        print("explainer: interrupted before it started; nothing was written.", file=sys.stderr)
        return 130
    return main()


if __name__ == "__main__":
    raise SystemExit(run())
