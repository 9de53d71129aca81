"""Pure core of the bilingual explainer-site generator.

Every stage is a small module of pure functions over plain data, with no MkDocs
import, so the pipeline can feed another static-site engine unchanged:

    decode     bytes of a seed          -> normalized text (str)
    parse      normalized text          -> Article (title, lede, sections, report)
    segment    Article                  -> translation units (msgctxt, msgid)
    catalog    PO files (Babel)         -> translations keyed by (msgctxt, msgid)
    render     Article + translations   -> Markdown pages for each language
    site       seeds/ + locales/        -> every generated page of the site
"""

__all__ = ["__version__"]
__version__ = "0.1.0"
