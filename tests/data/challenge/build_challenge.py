"""Build articles.jsonl and gold.jsonl of the challenge set from src/*.src.

Each source block starts with a line ``=== ch-NNN``, then ``key: value`` header lines,
a line ``--`` and the article body (paragraphs separated by blank lines).
Ranges are written ``9`` (exact), ``9..`` (at least), ``..650`` (at most), ``270..299``
or ``-`` (null). Lists are separated by ``; `` (empty value = empty list).

Run: python tests/data/challenge/build_challenge.py
"""
from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
RANGE_FIELDS = (
    "killed", "injured", "drones_launched", "missiles_launched",
    "drones_intercepted", "missiles_intercepted", "duration_hours",
)
LIST_FIELDS = ("places_struck", "places_mentioned", "speakers")
ARTICLE_KEYS = ("title", "url", "published", "outlet")
GOLD_KEYS = ("event", "event_date", "attacker")


def parse_range(value: str) -> dict[str, int | None] | None:
    value = value.strip()
    if value == "-":
        return None
    match = re.fullmatch(r"(\d*)(\.\.)?(\d*)", value)
    if not match or not (match.group(1) or match.group(3)):
        raise ValueError(f"bad range {value!r}")
    low = int(match.group(1)) if match.group(1) else None
    high = int(match.group(3)) if match.group(3) else None
    if not match.group(2):
        high = low
    return {"low": low, "high": high}


def parse_block(block: str) -> tuple[dict, dict]:
    head, _, body = block.partition("\n--\n")
    lines = head.strip().splitlines()
    art_id = lines[0].strip()
    fields: dict[str, str] = {}
    for line in lines[1:]:
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body.strip())]
    nullable = lambda v: None if v in ("", "null", "-") else v  # noqa: E731
    article = {"id": art_id, "title": fields["title"], "text": "\n\n".join(paragraphs),
               "url": nullable(fields["url"]), "published": nullable(fields["published"]),
               "outlet": fields["outlet"], "language": "en"}
    gold: dict = {"id": art_id}
    for key in GOLD_KEYS:
        gold[key] = nullable(fields[key])
    for key in RANGE_FIELDS:
        gold[key] = parse_range(fields[key])
    for key in LIST_FIELDS:
        gold[key] = [x.strip() for x in fields[key].split(";") if x.strip()]
    gold["notes"] = fields.get("notes", "")
    return article, gold


def load_blocks() -> list[tuple[dict, dict]]:
    blocks = []
    for path in sorted((HERE / "src").glob("*.src")):
        for chunk in path.read_text(encoding="utf-8").split("=== ")[1:]:
            blocks.append(parse_block(chunk))
    return sorted(blocks, key=lambda pair: pair[0]["id"])


def main() -> None:
    pairs = load_blocks()
    with open(HERE / "articles.jsonl", "w", encoding="utf-8") as art, \
         open(HERE / "gold.jsonl", "w", encoding="utf-8") as gold:
        for article, answer in pairs:
            art.write(json.dumps(article, ensure_ascii=False) + "\n")
            gold.write(json.dumps(answer, ensure_ascii=False) + "\n")
    print(f"wrote {len(pairs)} articles")


if __name__ == "__main__":
    main()
