"""Ukrainian Air Force reports: the public ``missile_attacks_daily.csv`` dataset.

Columns used: ``time_start``, ``time_end``, ``model``, ``launch_place``, ``target``,
``launched``, ``destroyed`` (others are kept in the stored row). One row is one weapon
model (or a combined "X-101/X-555", "Iskander-K and Kalibr") over a time window.
Models are classified as drone / missile / other with ``resources/airforce_models.csv``;
a row whose target is not the whole country comes from a regional command and is
marked ``national = False`` so totals do not count it twice.
"""
from __future__ import annotations

import csv
import hashlib
import io
import logging
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BAD_JSON, StrikewatchError
from ..resources import load_csv
from .decode import decode_bytes

log = logging.getLogger(__name__)

REQUIRED = ("time_start", "time_end", "model", "launched")
NATIONAL_TARGETS = frozenset({"", "ukraine", "україна", "all of ukraine", "whole of ukraine"})
_SPLIT = re.compile(r"\s*(?:/|,|\+|&|\band\b|\bта\b|\bі\b|\bи\b)\s*", re.I)
_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}:\d{2})(?::\d{2})?)?")
_MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass(slots=True)
class OfficialRow:
    """One parsed Air Force row, ready for ``Store.add_official``."""

    id: str
    time_start: str | None
    time_end: str | None
    date_start: str | None
    date_end: str | None
    model: str
    models: list[str]
    category: str  # drone | missile | other | mixed
    launch_place: str | None
    target: str | None
    national: bool
    launched: int | None
    destroyed: int | None
    row: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["row"] = {**self.row, "models": self.models}
        return data


def split_models(model: str) -> list[str]:
    """``"X-101/X-555"`` -> ["X-101", "X-555"]; ``"Shahed-136/131"`` -> ["Shahed-136",
    "Shahed-131"]; ``"Iskander-K and Kalibr"`` -> ["Iskander-K", "Kalibr"]."""
    parts = [p.strip() for p in _SPLIT.split(model) if p and p.strip()]
    out: list[str] = []
    for part in parts:
        if out and part.isdigit() and "-" in out[-1]:
            part = out[-1].rsplit("-", 1)[0] + "-" + part
        out.append(part)
    return out or [model.strip()]


def classify(model: str) -> str:
    """drone / missile / other for one model name, by the first matching term."""
    name = model.lower().replace("х-", "x-")  # Cyrillic kha
    for row in load_csv("airforce_models.csv"):
        if row["term"] in name:
            return row["category"]
    return "other"


def row_category(models: list[str]) -> str:
    found = {classify(m) for m in models}
    if len(found) == 1:
        return found.pop()
    found.discard("other")
    return found.pop() if len(found) == 1 else "mixed"


def parse_time(value: str | None) -> tuple[str | None, str | None]:
    """(timestamp ``YYYY-MM-DDTHH:MM`` or date, date) from the dataset's time text."""
    match = _TIME.match((value or "").strip())
    if not match:
        return None, None
    day, clock = match.groups()
    return (f"{day}T{clock.zfill(5)}" if clock else day), day


def parse_count(value: str | None) -> int | None:
    text = (value or "").strip()
    if not text:
        return None
    number = float(text)  # raises ValueError on junk
    if number < 0 or number != int(number):
        raise ValueError(f"not a count: {text!r}")
    return int(number)


def _row_id(record: dict[str, str]) -> str:
    key = "|".join((record.get(c) or "").strip().lower() for c in
                   ("time_start", "time_end", "model", "launch_place", "target", "launched", "destroyed"))
    return "af-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def parse_row(record: dict[str, str]) -> OfficialRow:
    """One CSV record to an OfficialRow; raises ValueError with a short reason."""
    model = (record.get("model") or "").strip()
    if not model:
        raise ValueError("no model")
    time_start, date_start = parse_time(record.get("time_start"))
    time_end, date_end = parse_time(record.get("time_end"))
    if date_start is None and date_end is None:
        raise ValueError("no readable time_start/time_end")
    models = split_models(model)
    target = (record.get("target") or "").strip() or None
    return OfficialRow(
        id=_row_id(record), time_start=time_start, time_end=time_end or time_start,
        date_start=date_start or date_end, date_end=date_end or date_start, model=model, models=models,
        category=row_category(models), launch_place=(record.get("launch_place") or "").strip() or None,
        target=target, national=(target or "").lower() in NATIONAL_TARGETS,
        launched=parse_count(record.get("launched")), destroyed=parse_count(record.get("destroyed")),
        row={k: v for k, v in record.items() if k},
    )


def read_airforce_csv(path: Path) -> Iterator[Any]:
    """Yield OfficialRow and InputProblem (one per bad line; the file is read to the end)."""
    from . import InputProblem

    text = decode_bytes(path.read_bytes(), str(path), max_bytes=_MAX_FILE_BYTES)
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise StrikewatchError(BAD_JSON, f"not an Air Force CSV: missing column(s) {', '.join(missing)}", str(path))
    for record in reader:
        try:
            yield parse_row(record)
        except ValueError as err:
            yield InputProblem(f"{path}:{reader.line_num}", BAD_JSON, f"bad row: {err}")


@dataclass(slots=True)
class AirforceImport:
    """What ``import_airforce`` did."""

    new: int = 0
    duplicates: int = 0
    problems: list[Any] = field(default_factory=list)
    categories: dict[str, int] = field(default_factory=dict)


def import_airforce(store: Any, path: Path) -> AirforceImport:
    """Read ``path`` and store its rows in one transaction (re-importing adds nothing)."""
    result, rows = AirforceImport(), []
    for item in read_airforce_csv(path):
        if isinstance(item, OfficialRow):
            rows.append(item.to_dict())
            result.categories[item.category] = result.categories.get(item.category, 0) + 1
        else:
            result.problems.append(item)
    result.new, result.duplicates = store.add_official(rows)
    return result
