"""Say clearly when the preview's port is taken, before `make serve` starts MkDocs.

Usage: ``python scripts/check_port.py PORT [HOST]`` (HOST defaults to 127.0.0.1). Exits 0 when
the address can be bound the way MkDocs' server binds it (``SO_REUSEADDR``, as Python's
``wsgiref`` server does), else prints what happened and how to pick another port, and exits 2.
MkDocs itself would build the whole site first and then stop with a traceback.
"""

from __future__ import annotations

import errno
import socket
import sys


def port_problem(host: str, port: int) -> str | None:
    """None if ``host:port`` can be bound now, else a sentence saying why not."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return f"port {port} on {host} is already in use (another `make serve` or server is running there)"
            return f"cannot listen on {host}:{port}: {exc.strerror or exc}"
    return None


def main(argv: list[str]) -> int:
    if not argv or not argv[0].isdigit() or not 0 < int(argv[0]) < 65536:
        print("usage: check_port.py PORT [HOST]   (PORT: 1-65535)", file=sys.stderr)
        return 2
    port = int(argv[0])
    host = argv[1] if len(argv) > 1 else "127.0.0.1"
    problem = port_problem(host, port)
    if problem is None:
        return 0
    print(f"error: {problem}.\n  Stop the other server, or pick another port: make serve PORT={port + 1}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
