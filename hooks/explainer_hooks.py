"""MkDocs hooks: the entry point ``mkdocs.yml`` names (``hooks: [hooks/explainer_hooks.py]``).

One :class:`~explainer_mkdocs.plugin.ExplainerPlugin` owns the build; this file only wires
MkDocs' events to it. MkDocs loads a hook file once per process, so under ``mkdocs serve``
the plugin (and its build cache) lives across rebuilds. Its options are ``extra.explainer``
in ``mkdocs.yml`` (:mod:`explainer_mkdocs.config`).
"""

from __future__ import annotations

from explainer_mkdocs.plugin import ExplainerPlugin

plugin = ExplainerPlugin()

on_startup = plugin.on_startup
on_config = plugin.on_config
on_pre_build = plugin.on_pre_build
on_files = plugin.on_files
on_nav = plugin.on_nav
on_env = plugin.on_env
on_page_markdown = plugin.on_page_markdown
on_page_content = plugin.on_page_content
on_page_context = plugin.on_page_context
on_template_context = plugin.on_template_context
on_post_page = plugin.on_post_page
on_post_build = plugin.on_post_build
on_shutdown = plugin.on_shutdown
