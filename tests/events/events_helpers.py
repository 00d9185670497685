"""Hand-built extraction reports (the Report dict of docs/contract.md) for pure tests."""
from __future__ import annotations

from typing import Any

from strikewatch.models import RANGE_FIELDS


def fact(fid: str, kind: str, low: int | None, high: int | None, evidence: str, *, where: str = "text",
         attack: str = "main", scope: str = "total", place: str | None = None,
         speaker: str | None = None, start: int = 0) -> dict[str, Any]:
    return {"id": fid, "kind": kind, "low": low, "high": high, "start": start, "end": start + len(evidence),
            "evidence": evidence, "where": where, "attack": attack, "scope": scope, "place": place,
            "group": None, "weapon": None, "model": None, "update": False, "speaker": speaker}


def report(rid: str, *, published: str | None, event_date: str | None, places: list[str],
           attacker: str | None = "Russia", outlet: str = "Some Outlet", text: str = "",
           facts: list[dict[str, Any]] | None = None, title: str = "") -> dict[str, Any]:
    """A report whose summary holds, per field, the body facts of its main attack (an
    exact figure per field is enough for these tests)."""
    facts = facts or []
    summary: dict[str, Any] = {name: None for name in RANGE_FIELDS}
    evidence: dict[str, list[str]] = {}
    for f in facts:
        if f["where"] == "title" or f["attack"] != "main" or f["kind"] not in RANGE_FIELDS:
            continue
        summary[f["kind"]] = {"low": f["low"], "high": f["high"]}
        evidence[f["kind"]] = [f["id"]]
    summary.update(places_struck=places, speakers=sorted({f["speaker"] for f in facts if f["speaker"]}),
                   attacker=attacker)
    return {"id": rid, "title": title, "url": None, "published": published, "language": "en", "outlet": outlet,
            "event_date": event_date, "summary": summary, "summary_evidence": evidence, "facts": facts,
            "places": [{"name": p, "status": "struck", "admin1": p, "country": "Ukraine"} for p in places],
            "weapons": [], "casualties": [], "damage": [], "quotes": [],
            "attacks": [{"id": "main", "attacker": attacker, "target": "Ukraine"}], "problems": [],
            "text": text}
