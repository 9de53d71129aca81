"""Interface strings of the generated pages, per language.

Keys are stable names; :func:`ui_text` falls back to English, then to the key.
"""

from __future__ import annotations

LANGS = ("ar", "en")
SOURCE_LANG = "ar"
LANG_NAMES = {"ar": "العربية", "en": "English"}
DIRECTIONS = {"ar": "rtl", "en": "ltr"}

_STRINGS: dict[str, dict[str, str]] = {
    "site_name": {"ar": "شروحات", "en": "Explainers"},
    "home_title": {"ar": "المقالات", "en": "Articles"},
    "home_intro": {
        "ar": "مقالات عربية مشروحة، ولكل منها نسخة إنجليزية.",
        "en": "Arabic articles explained, each with an English translation.",
    },
    "untranslated": {"ar": "لم يُترجم بعد", "en": "Not yet translated"},
    "outdated": {"ar": "قد تكون الترجمة قديمة", "en": "Translation may be outdated"},
    "nothing_translated": {
        "ar": "لم يُترجم شيء من هذه المقالة بعد.",
        "en": "Nothing in this article has been translated yet; the Arabic original is shown.",
    },
}


def ui_text(key: str, lang: str) -> str:
    """Interface string ``key`` in ``lang`` (``"ar"`` or ``"en"``)."""
    entry = _STRINGS.get(key, {})
    return entry.get(lang) or entry.get("en") or key
