"""Compiled Jinja templates kept on disk (explainer_mkdocs.templates): reused only when exact."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from explainer_mkdocs.templates import TemplateBytecode, environment_key
from jinja2 import Environment, FileSystemLoader, pass_context

ROOT = Path(__file__).resolve().parent.parent


class CountingEnvironment(Environment):
    compiled: list[str]

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):  # type: ignore[no-untyped-def,override]
        self.compiled.append(name)
        return super().compile(source, name, filename, raw, defer_init)


def _env(templates: Path, cache: Path | None, **filters) -> CountingEnvironment:  # type: ignore[no-untyped-def]
    env = CountingEnvironment(loader=FileSystemLoader(str(templates)))
    env.compiled = []
    env.filters.update(filters)
    env.bytecode_cache = TemplateBytecode(cache)
    return env


def test_a_template_compiled_once_is_loaded_from_disk_by_the_next_process(tmp_path: Path) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "page.html").write_text("{% for x in items %}<{{ x | upper }}>{% endfor %}", "utf-8")
    first = _env(tmp_path / "t", tmp_path / "cache")
    assert first.get_template("page.html").render(items="ab") == "<A><B>"
    assert first.compiled == ["page.html"] and len(list((tmp_path / "cache" / "jinja").glob("*.bc"))) == 1
    second = _env(tmp_path / "t", tmp_path / "cache")  # a new build: new environment, new cache object
    assert second.get_template("page.html").render(items="xy") == "<X><Y>"
    assert second.compiled == []


def test_an_edited_template_a_damaged_file_or_another_environment_compiles_again(tmp_path: Path) -> None:
    (tmp_path / "t").mkdir()
    page = tmp_path / "t" / "page.html"
    page.write_text("{{ 'a' | shout }}", "utf-8")
    assert _env(tmp_path / "t", tmp_path / "c", shout=lambda s: s.upper()).get_template("page.html").render() == "A"
    page.write_text("[{{ 'b' | shout }}]", "utf-8")  # an edited override
    env = _env(tmp_path / "t", tmp_path / "c", shout=lambda s: s.upper())
    assert env.get_template("page.html").render() == "[B]" and env.compiled == ["page.html"]
    for stored in (tmp_path / "c" / "jinja").glob("*.bc"):
        stored.write_bytes(stored.read_bytes()[:20])  # damaged
    env = _env(tmp_path / "t", tmp_path / "c", shout=lambda s: s.upper())
    assert env.get_template("page.html").render() == "[B]" and env.compiled == ["page.html"]

    @pass_context
    def shout(context, s):  # type: ignore[no-untyped-def]
        return s.upper() + "!"

    # the same name, now passed the context: compiled code differs, so it is compiled for this environment
    env = _env(tmp_path / "t", tmp_path / "c", shout=shout)
    assert env.get_template("page.html").render() == "[B!]" and env.compiled == ["page.html"]


def test_the_environment_key_covers_what_compiled_code_depends_on() -> None:
    base = Environment()
    assert environment_key(base) == environment_key(Environment())
    assert environment_key(Environment(trim_blocks=True)) != environment_key(base)
    assert environment_key(Environment(autoescape=True)) != environment_key(base)
    assert environment_key(Environment(extensions=["jinja2.ext.i18n"])) != environment_key(base)
    extra = Environment()
    extra.filters["url"] = lambda s: s
    assert environment_key(extra) != environment_key(base)


def test_an_unwritable_cache_folder_only_costs_the_compilation(tmp_path: Path) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "page.html").write_text("{{ 1 + 1 }}", "utf-8")
    (tmp_path / "file").write_text("not a folder")
    env = _env(tmp_path / "t", tmp_path / "file" / "explainer")
    assert env.get_template("page.html").render() == "2"


def test_a_second_build_reuses_the_compiled_templates_and_writes_the_same_site(tmp_path: Path) -> None:
    script = textwrap.dedent("""
        import sys
        from jinja2 import Environment
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        compiled = []
        original = Environment.compile
        def counting(self, source, name=None, *args, **kwargs):
            compiled.append(name)
            return original(self, source, name, *args, **kwargs)
        Environment.compile = counting  # counts only
        build(load_config(config_file=sys.argv[1], site_dir=sys.argv[2]))
        print(len(compiled))
        """)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", XDG_CACHE_HOME=str(tmp_path / "cache"), SOURCE_DATE_EPOCH="1767225600")
    counts = []
    for run in ("one", "two"):
        out = subprocess.run([sys.executable, "-c", script, str(ROOT / "mkdocs.yml"), str(tmp_path / run)],
                             check=False, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
        assert out.returncode == 0, out.stderr[-3000:]
        counts.append(int(out.stdout.split()[-1]))
    assert len(list((tmp_path / "cache" / "explainer" / "jinja").glob("*.bc"))) >= 20
    assert counts[1] < counts[0] / 2, counts  # Material's own plugins' environments still compile theirs
    pages = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        assert (tmp_path / "one" / page).read_bytes() == (tmp_path / "two" / page).read_bytes(), page
