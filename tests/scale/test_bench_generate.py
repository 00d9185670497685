"""The benchmark corpus generator: reproducible, varied, and filled in."""
from __future__ import annotations

import re
from collections import Counter

from scale_helpers import corpus_records, load_generator


def test_same_seed_same_articles_other_seed_others() -> None:
    assert corpus_records(40, seed=3) == corpus_records(40, seed=3)
    assert corpus_records(40, seed=3) != corpus_records(40, seed=4)


def test_articles_are_varied_and_complete() -> None:
    records = corpus_records(300, seed=11)
    assert len(records) == 300 and len({r["id"] for r in records}) == 300
    words = [len(r["text"].split()) for r in records]
    assert min(words) >= 100 and max(words) <= 750
    assert not any(re.search(r"\{[a-z_0-9]+\}", r["text"] + r["title"]) for r in records)
    variants = [v for city in load_generator().load_templates()["cities"] for v in city["variants"]]
    leads = Counter(v for r in records for v in variants if v in r["text"].split("\n\n")[0])
    assert len(leads) >= 12  # struck cities and their spellings vary
    assert len({r["outlet"] for r in records}) >= 8
    texts = Counter(r["text"] for r in records)
    assert len(texts) > 250  # wire copies exist but most texts differ


def test_number_words() -> None:
    generator = load_generator()
    templates = generator.load_templates()
    assert generator.number_words(45, templates) == "forty-five"
    assert generator.number_words(310, templates) == "three hundred and ten"
    assert generator.number_words(12, templates) == "twelve"
