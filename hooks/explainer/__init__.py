"""Pure core of the bilingual explainer-site generator.

Every stage is a small module of pure functions over plain data, with no MkDocs
import, so the pipeline can feed another static-site engine unchanged:

    ingest/     seed bytes -> normalized text -> Article (title, lede, sections, report);
                the preservation check (every seed word reaches the Arabic page)
    translate/  Article -> units (msgctxt, msgid); PO catalogs (Babel) -> translations;
                the extract/update workflow and the interface strings
    render/     Article + translations -> pages for each language, the explainer layer
                (key facts, glossary, parallel view, reading time), publishing metadata
    search/     Arabic search rules and the per-language Pagefind bundles
    site        seeds/ + locales/ -> every generated page of the site
    cli         the editors' and translators' command line
"""

__all__ = ["__version__"]
__version__ = "0.1.0"
