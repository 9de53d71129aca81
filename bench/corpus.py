"""Synthetic bilingual corpora for the benchmark: N Arabic seeds + complete English PO catalogs.

Every article is built from sentence templates whose slots are filled from small
parallel Arabic/English word lists, so each Arabic sentence has an English
counterpart. An article has a title line, a lede, and 4–6 headed sections of
2–3 paragraphs each; one section in three also carries a bulleted or numbered
list (always after a paragraph, so the parser reads it as a list and not as a
heading). Output is deterministic for a given ``(n, seed)``.

The seeds go through the project's own parser and the PO files are written by
the project's own catalog workflow (:func:`explainer.translate.workflow.template_for`),
so they are byte-for-byte what ``explainer update`` would make, with every
``msgstr`` filled in.

Usage::

    .venv/bin/python bench/corpus.py 100 /tmp/corpus-100     # seeds/ and locales/ under that folder
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from explainer.render.facts import CATALOG as FACTS_CATALOG  # noqa: E402
from explainer.render.facts import fact_units, load_article_facts  # noqa: E402
from explainer.site import load_seed  # noqa: E402
from explainer.translate.catalog import po_path  # noqa: E402
from explainer.translate.segment import article_units  # noqa: E402
from explainer.translate.workflow import pot_path, render_po, template_for, template_from_units  # noqa: E402

# Parallel slot fillers: (Arabic, English).
TOPICS = [
    ("الذكاء الاصطناعي", "artificial intelligence"), ("الطاقة الشمسية", "solar energy"),
    ("الزراعة الحديثة", "modern farming"), ("التعليم عن بعد", "remote learning"),
    ("الأمن السيبراني", "cybersecurity"), ("السيارات الكهربائية", "electric cars"),
    ("الطب الرقمي", "digital medicine"), ("تحلية المياه", "water desalination"),
    ("الحوسبة السحابية", "cloud computing"), ("النقل العام", "public transport"),
    ("الاقتصاد الأخضر", "the green economy"), ("الفضاء التجاري", "commercial space flight"),
]
ACTORS = [
    ("شركة ناشئة صينية", "a Chinese start-up"), ("جامعة القاهرة", "Cairo University"),
    ("وزارة الاقتصاد", "the ministry of economy"), ("مختبر أوروبي", "a European laboratory"),
    ("فريق من الباحثين", "a team of researchers"), ("بنك التنمية", "the development bank"),
    ("مجموعة من المهندسين", "a group of engineers"), ("منظمة دولية", "an international organisation"),
]
PLACES = [
    ("الرياض", "Riyadh"), ("القاهرة", "Cairo"), ("الدار البيضاء", "Casablanca"), ("عمّان", "Amman"),
    ("تونس", "Tunis"), ("دبي", "Dubai"), ("بيروت", "Beirut"), ("الدوحة", "Doha"),
]
QUALITIES = [
    ("أرخص", "cheaper"), ("أسرع", "faster"), ("أكثر أمانًا", "safer"), ("أكثر كفاءة", "more efficient"),
    ("أبسط", "simpler"), ("أوسع انتشارًا", "more widespread"),
]

# Sentence templates: (Arabic, English) with slots {topic} {actor} {place} {quality} {n} {year}.
SENTENCES = [
    ("أعلنت {actor} في {place} عن مشروع جديد في مجال {topic} بتكلفة {n} مليون دولار.",
     "{actor_cap} in {place} announced a new {topic} project costing {n} million dollars."),
    ("ويرى الخبراء أن {topic} سيصبح {quality} خلال السنوات القليلة المقبلة.",
     "Experts believe that {topic} will become {quality} over the next few years."),
    ("وقد بدأت التجارب الأولى عام {year} بمشاركة {n} متطوعًا من {place}.",
     "The first trials began in {year} with {n} volunteers from {place}."),
    ("لكن المنتقدين يقولون إن الطريق ما زال طويلًا، وإن النتائج تحتاج إلى مراجعة مستقلة.",
     "But critics say the road is still long and that the results need an independent review."),
    ("وتخطط {actor} لتوسيع العمل ليشمل مدنًا أخرى بحلول عام {year}.",
     "{actor_cap} plans to extend the work to other cities by {year}."),
    ("ويعتمد النظام على بيانات مفتوحة يمكن لأي شخص الاطلاع عليها وتحسينها.",
     "The system relies on open data that anyone can read and improve."),
    ("وبحسب التقرير، انخفضت التكاليف بنسبة {n} بالمئة مقارنة بالعام الماضي.",
     "According to the report, costs fell by {n} percent compared with last year."),
    ("ويقول المسؤولون في {place} إن {topic} يفتح فرص عمل جديدة للشباب.",
     "Officials in {place} say that {topic} opens new jobs for young people."),
    ("ولا تزال هناك أسئلة حول التمويل والتنظيم وحماية الخصوصية.",
     "Questions remain about funding, regulation and the protection of privacy."),
    ("وفي المقابل، تراهن {actor} على التعاون مع الجامعات بدلًا من المنافسة وحدها.",
     "{actor_cap}, for its part, is betting on cooperation with universities rather than competition alone."),
]
HEADINGS = [
    ("كيف بدأت القصة", "How the story began"), ("ما الذي يميز {topic}", "What sets {topic} apart"),
    ("الأرقام وراء المشروع", "The numbers behind the project"), ("ردود الفعل في {place}", "Reactions in {place}"),
    ("التحديات المقبلة", "The challenges ahead"), ("ماذا يعني ذلك للقراء", "What it means for readers"),
    ("دور {actor}", "The role of {actor}"), ("نظرة إلى المستقبل", "A look at the future"),
]
TITLES = [
    ("كيف تغير {topic} الحياة في {place}", "How {topic} is changing life in {place}"),
    ("{actor} تراهن على {topic}", "{actor_cap} bets on {topic}"),
    ("{topic} بين الوعود والواقع", "{topic_cap} between promise and reality"),
]
# The counted nouns of the numbers above, as the key facts box shows them (catalog facts.po).
FACT_NOUNS = {"دولار": "dollars", "متطوعًا": "volunteers", "التكاليف": "costs"}
ITEMS = [
    ("خفض التكاليف", "lower costs"), ("تدريب الكوادر المحلية", "training local staff"),
    ("حماية البيانات", "protecting data"), ("الشراكة مع القطاع الخاص", "partnership with the private sector"),
    ("قياس الأثر كل عام", "measuring the impact every year"), ("نشر النتائج للجمهور", "publishing the results"),
]


@dataclass(frozen=True)
class SyntheticArticle:
    """One generated article: its slug, seed text and the English text of each unit in reading order."""

    slug: str
    seed_text: str
    english_units: tuple[str, ...]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fill(pair: tuple[str, str], slots: dict[str, tuple[str, str]], rng: random.Random) -> tuple[str, str]:
    number = str(rng.randint(3, 950))
    year = str(rng.randint(2015, 2031))
    ar_values = {key: value[0] for key, value in slots.items()} | {"n": number, "year": year}
    en_values = {key: value[1] for key, value in slots.items()} | {"n": number, "year": year}
    en_values |= {f"{key}_cap": _cap(value[1]) for key, value in slots.items()}
    return pair[0].format(**ar_values), _cap(pair[1].format(**en_values))


def make_article(index: int, rng: random.Random) -> SyntheticArticle:
    """Build article number ``index``: seed text (one paragraph per line) and its English units.

    The English units follow :func:`explainer.translate.segment.article_units` order:
    title, lede, then per section its heading, paragraphs and list items.
    """
    slots = {"topic": rng.choice(TOPICS), "actor": rng.choice(ACTORS), "place": rng.choice(PLACES),
             "quality": rng.choice(QUALITIES)}
    lines: list[str] = []
    english: list[str] = []

    def paragraph(sentences: int) -> None:
        pairs = [_fill(rng.choice(SENTENCES), slots, rng) for _ in range(sentences)]
        lines.append(" ".join(ar for ar, _ in pairs))
        english.append(" ".join(en for _, en in pairs))

    title_ar, title_en = _fill(rng.choice(TITLES), slots, rng)
    # the article number keeps titles apart: two seeds with the same title are a warning (fails --strict)
    lines.append(f"{title_ar} ({index + 1})")
    english.append(f"{title_en} ({index + 1})")
    paragraph(3)  # the lede
    for heading in rng.sample(HEADINGS, rng.randint(4, 6)):
        heading_ar, heading_en = _fill(heading, slots, rng)
        lines.append(f"- {heading_ar}")
        english.append(heading_en)
        for _ in range(rng.randint(2, 3)):
            paragraph(rng.randint(2, 4))
        if rng.random() < 0.34:
            items = rng.sample(ITEMS, rng.randint(2, 4))
            numbered = rng.random() < 0.5
            for position, (item_ar, item_en) in enumerate(items, start=1):
                lines.append(f"{position}. {item_ar}" if numbered else f"- {item_ar}")
                english.append(_cap(item_en))
            paragraph(2)  # a list is followed by a paragraph before the next heading
    return SyntheticArticle(f"article-{index:04d}", "\n".join(lines) + "\n", tuple(english))


def write_corpus(n: int, dest: Path, seed: int = 7) -> list[SyntheticArticle]:
    """Write ``n`` seeds into ``dest/seeds`` and their POT/PO files into ``dest/locales``.

    Seeds already in ``dest/seeds`` are removed with their catalogs; other
    files under ``dest/locales`` (the interface catalogs) are kept.
    Raises ``ValueError`` if the parser does not read an article as generated
    (unit count differs), which would leave a catalog incomplete.
    """
    rng = random.Random(seed)
    seeds_dir, locales_dir = dest / "seeds", dest / "locales"
    if seeds_dir.exists():  # drop the seeds there and their article catalogs; keep the rest (e.g. ui.po)
        for old_seed in seeds_dir.glob("*.txt"):
            for stale in locales_dir.glob(f"**/{old_seed.stem}.po*"):
                stale.unlink()
        shutil.rmtree(seeds_dir)
    seeds_dir.mkdir(parents=True)
    locales_dir.mkdir(exist_ok=True)
    articles = [make_article(index, rng) for index in range(1, n + 1)]
    fact_texts = []
    for article in articles:
        seed_path = seeds_dir / f"{article.slug}.txt"
        seed_path.write_text(article.seed_text, "utf-8")
        parsed = load_seed(seed_path, dest)
        units = article_units(parsed)
        if len(units) != len(article.english_units):
            raise ValueError(f"{seed_path}: parser found {len(units)} units, generator wrote {len(article.english_units)}")
        template = template_for(parsed)
        pot_path(locales_dir, article.slug).write_bytes(render_po(template))
        for unit, text_en in zip(units, article.english_units):
            template.get(unit.msgid, context=unit.msgctxt).string = text_en
        template.locale = "en"  # type: ignore[assignment]
        path = po_path(locales_dir, "en", article.slug)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(render_po(template))
        fact_texts += [(unit, parsed.source_path) for unit in fact_units(parsed.slug, load_article_facts(parsed, dest))]
    facts = template_from_units(fact_texts)  # the key facts' texts, as `explainer update` writes them
    pot_path(locales_dir, FACTS_CATALOG).write_bytes(render_po(facts))
    for message in facts:
        if message.id:
            if message.id not in FACT_NOUNS:
                raise ValueError(f"no English for the key-fact text {message.id!r}: add it to FACT_NOUNS")
            message.string = FACT_NOUNS[message.id]
    facts.locale = "en"  # type: ignore[assignment]
    po_path(locales_dir, "en", FACTS_CATALOG).write_bytes(render_po(facts))
    return articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("dest", type=Path, help="folder that gets seeds/ and locales/")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    args = parser.parse_args(argv)
    write_corpus(args.n, args.dest, args.seed)
    print(f"wrote {args.n} seeds and English catalogs under {args.dest}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
