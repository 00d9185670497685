"""Rebuild articles.jsonl and gold.jsonl from the hand-written sources in src/*.src.

Each source block looks like::

    @@ dev-001
    title: ...
    outlet: ...
    url: ...
    published: 2026-01-14T07:10:00+02:00   (or null)
    event: kyiv-2026-01-14
    date: 2026-01-14                       (or null)
    killed: 3..          (range: "9" exact, "9.." at least, "..650" at most, "270..299")
    struck: Kyiv; Sviatoshynskyi           (";"-separated lists: struck, mentioned, speakers)
    notes: why, for tricky cases
    --
    Body paragraphs separated by blank lines.

Usage: python tests/data/dev/build_dev.py   (writes next to this file)
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
RANGE_FIELDS = ("killed", "injured", "drones_launched", "missiles_launched",
                "drones_intercepted", "missiles_intercepted", "duration_hours")
LIST_FIELDS = {"struck": "places_struck", "mentioned": "places_mentioned", "speakers": "speakers"}
KNOWN = {"title", "outlet", "url", "published", "event", "date", "attacker", "notes",
         *RANGE_FIELDS, *LIST_FIELDS}


def parse_range(spec: str) -> dict[str, int | None] | None:
    spec = spec.strip()
    if spec in ("", "-"):
        return None
    if ".." not in spec:
        return {"low": int(spec), "high": int(spec)}
    low, high = (part.strip() for part in spec.split("..", 1))
    return {"low": int(low) if low else None, "high": int(high) if high else None}


def _header(lines: list[str]) -> dict[str, str]:
    meta = {}
    for line in lines:
        if line.strip():
            key, _, value = line.partition(":")
            meta[key.strip()] = value.strip()
    unknown = set(meta) - KNOWN
    if unknown:
        raise ValueError(f"unknown keys {sorted(unknown)}")
    return meta


def _body(raw: str) -> str:
    paragraphs = re.split(r"\n\s*\n", raw.strip())
    return "\n\n".join(p.strip().replace("\n", " ") for p in paragraphs)


def _null(value: str | None) -> str | None:
    return None if value in (None, "", "null") else value


def parse_block(block: str) -> tuple[dict[str, Any], dict[str, Any]]:
    head, body = block.split("\n--\n", 1)
    lines = head.strip().splitlines()
    aid, meta = lines[0].strip(), _header(lines[1:])
    article = {"id": aid, "title": meta["title"], "text": _body(body),
               "url": _null(meta.get("url")), "published": _null(meta.get("published")),
               "outlet": meta["outlet"], "language": "en"}
    gold: dict[str, Any] = {"id": aid, "event": meta["event"],
                            "event_date": _null(meta.get("date")),
                            "attacker": _null(meta.get("attacker", "Russia"))}
    for name in RANGE_FIELDS:
        gold[name] = parse_range(meta.get(name, "-"))
    for key, name in LIST_FIELDS.items():
        gold[name] = [x.strip() for x in meta.get(key, "").split(";") if x.strip()]
    gold["notes"] = meta.get("notes", "")
    return article, gold


def build(src: Path = HERE / "src") -> tuple[list[dict], list[dict]]:
    """Return (articles, gold) sorted by id."""
    items = []
    for path in sorted(src.glob("*.src")):
        for block in re.split(r"^@@ ", path.read_text(encoding="utf-8"), flags=re.M):
            if block.strip():
                items.append(parse_block(block))
    items.sort(key=lambda pair: pair[0]["id"])
    return [a for a, _ in items], [g for _, g in items]


def _dump(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def main(out: Path = HERE) -> None:
    articles, gold = build()
    (out / "articles.jsonl").write_text(_dump(articles), encoding="utf-8")
    (out / "gold.jsonl").write_text(_dump(gold), encoding="utf-8")
    print(f"{len(articles)} articles written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
