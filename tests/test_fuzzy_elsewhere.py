"""A fuzzy translation is never shown as current where no notice can mark it (listing, description)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, run_build
from .helpers import soup


def test_fuzzy_lede_not_current_in_home_listing_or_description(project_factory, tmp_path: Path) -> None:
    seed = (ROOT / "seeds/deepseek.txt").read_text("utf-8")
    edited = seed.replace("تمكنت شركة صينية ناشئة", "تمكنت شركة صينية صغيرة", 1)
    project = project_factory(seeds={"deepseek.txt": edited}, copy_locales=True)
    subprocess.run([sys.executable, "-m", "explainer", "--root", str(project), "update"], check=True,
                   capture_output=True)
    build = run_build(project, tmp_path / "out", strict=False)
    assert build.returncode == 0, build.log
    home = soup(tmp_path / "out/en/index.html")
    old_english = "A Chinese artificial intelligence start-up"
    listing = home.select_one("article .ex-excerpt")
    assert old_english not in home.select_one("article").get_text()
    assert listing.get("lang") == "ar" and listing.get_text().startswith("تمكنت شركة صينية صغيرة")
    page = soup(tmp_path / "out/en/deepseek/index.html")
    assert old_english not in page.select_one('meta[name="description"]')["content"]
    # the article body still shows the old English, marked as possibly outdated
    assert page.select_one("#lede").get_text().startswith(old_english)
    assert page.select_one(".ex-notice--fuzzy") is not None
