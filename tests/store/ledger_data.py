"""Articles written for these tests and contract-shaped reports for them.

Store tests exercise storage, not extraction, so each report is built from the figures
its article states (docs/contract.md shape)."""
from __future__ import annotations

from typing import Any

from strikewatch.ingest.identity import text_id
from strikewatch.models import Article

COORDS = {"Kyiv": (50.4501, 30.5234, "Kyiv"), "Kharkiv": (49.9935, 36.2304, "Kharkiv"),
          "Odesa": (46.4825, 30.7233, "Odesa"), "Lviv": (49.8397, 24.0297, "Lviv"),
          "Dnipro": (48.4647, 35.0462, "Dnipropetrovsk")}


def article(title: str, text: str, published: str, url: str | None = None, outlet: str = "Test Wire") -> Article:
    return Article(text=text, id=text_id(title + "\n" + text), title=title, url=url, published=published,
                   outlet=outlet, language="en", source=f"test:{title[:20]}")


def rng(value: tuple | None) -> dict[str, int | None] | None:
    """(9,) -> exactly 9; (3, None) -> at least 3."""
    return None if value is None else {"low": value[0], "high": value[-1]}


def report(a: Article, event_date: str | None, places: list[str], killed: tuple | None = None,
           injured: tuple | None = None, drones: tuple | None = None, missiles: tuple | None = None,
           attacker: str = "Russia") -> dict[str, Any]:
    facts: list[dict[str, Any]] = []
    for kind, value in (("killed", killed), ("injured", injured), ("drones_launched", drones),
                        ("missiles_launched", missiles)):
        if value is not None:
            word = kind.split("_")[0]
            start = max(0, a.text.find(word))
            facts.append({"id": f"f{len(facts) + 1}", "kind": kind, "low": value[0], "high": value[-1],
                          "start": start, "end": start + len(word), "evidence": a.text[start:start + len(word)],
                          "where": "text", "attack": "main", "scope": "total", "place": None, "group": None,
                          "weapon": "drone" if kind.startswith("drones") else None, "model": None,
                          "update": False, "speaker": None})
    summary = {"killed": rng(killed), "injured": rng(injured), "drones_launched": rng(drones),
               "missiles_launched": rng(missiles),
               "drones_intercepted": None, "missiles_intercepted": None, "duration_hours": None,
               "places_struck": places, "speakers": [], "attacker": attacker}
    return {"id": a.id, "title": a.title, "url": a.url, "published": a.published, "language": "en",
            "outlet": a.outlet, "event_date": event_date, "summary": summary, "summary_evidence": {},
            "facts": facts, "places": [_place(p) for p in places], "weapons": [], "casualties": [],
            "damage": [], "quotes": [], "attacks": [{"id": "main", "attacker": attacker, "target": "Ukraine"}],
            "problems": []}


def _place(name: str) -> dict[str, Any]:
    lat, lon, admin1 = COORDS.get(name, (None, None, None))
    return {"name": name, "surface": name, "start": 0, "end": 0, "status": "struck", "level": "city",
            "admin1": admin1, "country": "Ukraine", "lat": lat, "lon": lon}


class DateAndPlace:
    """A simple event builder (same date + shared place -> one event; id from the
    earliest-published member), to test the store's regrouping independently of the
    real grouping rules."""

    def features(self, reports: list[dict[str, Any]]) -> list[tuple[str, str | None, str, frozenset[str]]]:
        return [(r["published"] or "", r["event_date"], r["id"], frozenset(r["summary"]["places_struck"]))
                for r in reports]

    def group(self, features: list[tuple[str, str | None, str, frozenset[str]]]) -> list[tuple[list[int], list[int]]]:
        groups: list[list[int]] = []
        for i in sorted(range(len(features)), key=lambda i: features[i][:3]):
            _, day, _, places = features[i]
            for group in groups:
                first = features[group[0]]
                if first[1] == day and places & first[3]:
                    group.append(i)
                    break
            else:
                groups.append([i])
        return [(sorted(g), sorted(g)) for g in groups]

    def event(self, reports: list[dict[str, Any]], stories: list[int]) -> dict[str, Any]:
        return _event(sorted(reports, key=lambda r: (r["published"] or "", r["id"])))


group_by_date_and_place = DateAndPlace()


def _event(members: list[dict[str, Any]]) -> dict[str, Any]:
    latest: dict[str, Any] = {}
    for member in members:  # the latest stated figure of each field wins
        latest.update({k: v for k, v in member["summary"].items() if v is not None})
    summary = {k: ({**v, "best": v["high"] if v["high"] is not None else v["low"]} if isinstance(v, dict) else v)
               for k, v in latest.items()}
    places = sorted({p for m in members for p in m["summary"]["places_struck"]})
    return {"id": f"ev-{members[0]['event_date']}-{members[0]['id']}", "date": members[0]["event_date"],
            "places": places, "attacker": latest["attacker"], "articles": [m["id"] for m in members],
            "summary": summary, "figures": {}, "timeline": [], "conflicts": [], "quotes": []}


KYIV_MORNING = article(
    "Russian drones and missiles hit Kyiv overnight, killing at least three",
    "At least three people were killed and 14 injured when Russian drones and missiles struck Kyiv "
    "overnight, the head of the city military administration said on Tuesday. The air force said "
    "Russia launched 312 drones and 20 missiles in the attack, which lasted more than seven hours.",
    "2026-07-14T07:40:00+03:00", url="https://wire.example/kyiv-strike-1")
KYIV_NOON = article(
    "Kyiv death toll rises to nine after overnight attack",
    "The death toll from the overnight Russian attack on Kyiv rose to nine, with 31 people injured, "
    "emergency services said at noon. Rescuers were still searching the rubble of a nine-storey "
    "apartment block in the Sviatoshynskyi district.",
    "2026-07-14T12:05:00+03:00", url="https://herald.example/kyiv-toll-rises", outlet="Capital Herald")
KHARKIV_SAME_NIGHT = article(
    "Drones strike Kharkiv power substation",
    "Two people were injured in Kharkiv when Shahed drones hit a power substation overnight, the "
    "regional governor wrote on Telegram. Parts of the city were left without electricity.",
    "2026-07-14T09:15:00+03:00", url="https://east.example/kharkiv-substation", outlet="East News")
ODESA_LATER = article(
    "Odesa port terminal ablaze after drone attack",
    "A grain terminal in the port of Odesa caught fire after a drone attack late on Saturday, the "
    "regional administration said. One worker was injured. Air defences shot down most of the 48 "
    "drones launched at the south of the country.",
    "2026-07-19T23:50:00+03:00", url="https://south.example/odesa-port", outlet="South Post")

SAMPLE = [
    (KYIV_MORNING, report(KYIV_MORNING, "2026-07-14", ["Kyiv"], killed=(3, None), injured=(14,), drones=(312,),
                          missiles=(20,))),
    (KYIV_NOON, report(KYIV_NOON, "2026-07-14", ["Kyiv"], killed=(9,), injured=(31,))),
    (KHARKIV_SAME_NIGHT, report(KHARKIV_SAME_NIGHT, "2026-07-14", ["Kharkiv"], injured=(2,))),
    (ODESA_LATER, report(ODESA_LATER, "2026-07-20", ["Odesa"], injured=(1,), drones=(48,))),
]
