"""Render screenshots of the built site: desktop and phone, Arabic and English, light and dark.

Usage: ``make screenshots`` (builds the site, then runs this script), or
``python scripts/screenshots.py SITE_DIR OUT_DIR [--page deepseek/]``. Writes
``<lang>-<device>-<scheme>.png`` into OUT_DIR (README.md shows them). Uses
Playwright with Debian's Chromium, like the browser tests.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.browser import CHROMIUM, CHROMIUM_ARGS, serve_directory

DEVICES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 360, "height": 740}}
LANGS = {"ar": "", "en": "en/"}
SCHEMES = ("light", "dark")


def take_screenshots(site: Path, out: Path, page_path: str) -> list[Path]:
    """Shoot ``page_path`` of both languages on every device in both colour schemes; return the files."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with serve_directory(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for device, viewport in DEVICES.items():
            for scheme in SCHEMES:
                context = browser.new_context(viewport=viewport, color_scheme=scheme,
                                              device_scale_factor=1, is_mobile=device == "phone")
                tab = context.new_page()
                for lang, prefix in LANGS.items():
                    tab.goto(base + prefix + page_path)
                    tab.evaluate("document.fonts.ready")
                    path = out / f"{lang}-{device}-{scheme}.png"
                    tab.screenshot(path=str(path))
                    written.append(path)
                context.close()
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site folder (mkdocs build -d ...)")
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    parser.add_argument("--page", default="deepseek/", help="page path under each language root")
    args = parser.parse_args()
    for path in take_screenshots(args.site, args.out, args.page):
        print(f"{path}  {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
