"""From one Article to one Report: run the components, attach places, attacks and
speakers to every figure, and summarise."""
from __future__ import annotations

import logging
import re

from ..errors import EXTRACTION
from ..models import Article, Fact, Report
from ._patterns import search_tail
from .attacks import AttackClassifier, main_attacker
from .casualties import CasualtyMention, find_casualties
from .damage import Damage, find_damage
from .dates import event_date, find_durations
from .doc import Doc, holds_any
from .places import PlaceMention, classify_places, find_places, is_total_sentence, launch_site_spans
from .quotes import Quote, Speakers, find_quotes
from .summary import summarise
from .weapons import WeaponMention, family, find_weapons

log = logging.getLogger(__name__)

_PLACE_LEVELS = ("city", "district", "oblast", "landmark")
_WEAPON_KIND = {"drone": "drones", "missile": "missiles", "bomb": "bombs", "mixed": "weapons"}


def extract_article(article: Article) -> Report:
    """Extract every figure of one article with its evidence. Never raises for bad
    text: a failure becomes a coded problem on the report."""
    try:
        return _extract(article)
    except Exception as err:  # one bad article must not stop a batch
        log.exception("extraction failed for %s", article.id)
        report = _empty_report(article)
        report.problems.append({"code": EXTRACTION, "message": f"extraction failed: {type(err).__name__}: {err}"})
        return report


def _empty_report(article: Article) -> Report:
    summary, _ = summarise([], {}, [], [])
    summary["attacker"] = None
    return Report(article.id, article.title, article.url, article.published, article.language,
                  article.outlet, None, summary)


def _extract(article: Article) -> Report:
    doc = Doc.build(article.text)
    title_doc = Doc.build(article.title or "")
    date, _ = event_date(doc, article.title or "", article.published)
    places = find_places(doc.text, doc.lower)
    title_places = find_places(title_doc.text, title_doc.lower)
    for p in title_places:
        p.where = "title"
    sites = launch_site_spans(doc.text, doc.lower)
    russian = [(p.start, p.end) for p in places if p.place.country == "Russia" and p.place.level != "country"
               and not any(a <= p.start < b for a, b in sites)]
    ukrainian = any(p.place.country == "Ukraine" and p.place.level != "country" for p in places + title_places)
    attacker = main_attacker(doc.lower, title_doc.lower, ukrainian)
    attack_of = AttackClassifier(doc, attacker, russian, date, article.published, sites)
    classify_places(doc, places, attack_of, sites)
    classify_places(title_doc, title_places, AttackClassifier(title_doc, attacker, []))

    speakers = Speakers(doc)
    quotes = find_quotes(doc, speakers)
    facts: list[Fact] = []
    sentence_of_fact: dict[str, int] = {}
    casualties = find_casualties(doc)
    _casualty_facts(doc, casualties, places, attack_of, quotes, facts, sentence_of_fact, "text")
    _casualty_facts(title_doc, find_casualties(title_doc), title_places, lambda _o: "main", [], facts, sentence_of_fact, "title")
    taken = {m.num_start for m in casualties}
    origins: dict[str, str | None] = {}
    _weapon_facts(doc, find_weapons(doc, taken), attack_of, quotes, facts, sentence_of_fact, origins)
    _duration_facts(doc, attack_of, facts, sentence_of_fact)

    report = Report(
        id=article.id, title=article.title, url=article.url, published=article.published,
        language=article.language or "en", outlet=article.outlet, event_date=date,
        summary={},
    )
    report.facts = [f.to_dict() for f in facts]
    report.casualties = [f for f in report.facts if f["kind"] in ("killed", "injured")]
    report.weapons = [_weapon_record(f, origins.get(f["id"])) for f in report.facts if f["weapon"]]
    report.places = [_place_record(p, "text") for p in places] + [_place_record(p, "title") for p in title_places]
    report.damage = [_damage_record(d, places) for d in find_damage(doc)]
    report.quotes = [_quote_record(q) for q in quotes]
    report.attacks = _attacks(attacker, facts)
    report.summary, report.summary_evidence = summarise_report(facts, sentence_of_fact, places + title_places, quotes, attacker)
    return report


def summarise_report(facts, sentence_of_fact, places, quotes, attacker):
    summary, evidence = summarise(facts, sentence_of_fact, places, quotes)
    summary["attacker"] = attacker
    return summary, evidence


def _speaker_at(quotes: list[Quote], doc: Doc, offset: int) -> str | None:
    s_start, s_end = doc.sentence_of(offset)
    for q in quotes:
        if q.start <= offset < q.end or (q.kind == "reported" and q.start == s_start):
            return q.speaker
    for q in quotes:
        if q.kind == "direct" and s_start <= q.start < s_end:
            return q.speaker
    return None


def _place_for(doc: Doc, places: list[PlaceMention], offset: int, end: int) -> str | None:
    """The place a figure belongs to: named in its sentence, or carried over from the
    previous sentence of the same paragraph when that names exactly one place."""
    if is_total_sentence(doc, offset):
        return None
    index = doc.sentence_index(offset)
    here = _places_in(doc, places, index)
    if here:
        after = [p for p in here if p.start >= end
                 and search_tail(_PLACE_AFTER, _PLACE_AFTER_ENDINGS, doc.lower[max(0, p.start - 30) : p.start])]
        if after:
            return after[0].place.canonical
        clause = _clause_places(doc, here, offset)
        if len(clause) == 1:
            return clause.pop()
        names = {p.place.canonical for p in here}
        top = {n for n in names if not _inside_any(n, here)}
        if len(top) == 1:
            before = [p for p in here if p.start < offset] or here
            return before[-1].place.canonical if len(names) == 1 else next(iter(top))
        return None
    if index > 0 and doc.paragraph_index(doc.sentences[index - 1][0]) == doc.paragraph_index(offset):
        previous = {p.place.canonical for p in _places_in(doc, places, index - 1) if p.status == "struck"}
        if len(previous) == 1:
            return previous.pop()
    return None


# "... killed in [the city of] Odesa": the place follows the figure, after a preposition.
_PLACE_AFTER = re.compile(r"(?:in|near|at|on|of|across)\s+(?:the\s+)?(?:city\s+of\s+|town\s+of\s+|village\s+of\s+)?$")
# Every match of _PLACE_AFTER is one of these followed by white space only (for search_tail).
_PLACE_AFTER_ENDINGS = ("in", "near", "at", "on", "of", "across", "the")

_CLAUSE = re.compile(r",\s+(?:while|but|whereas|and)\s|;|\s+while\s|\.\s")


def _clause_places(doc: Doc, here: list[PlaceMention], offset: int) -> set[str]:
    """Top-level places in the clause of ``offset`` ("..., while in Odesa one person died")."""
    s_start, s_end = doc.sentence_of(offset)
    cuts = [m.end() for m in _CLAUSE.finditer(doc.lower, s_start, offset)]
    nxt = _CLAUSE.search(doc.lower, offset, s_end)
    lo, hi = (cuts[-1] if cuts else s_start), (nxt.start() if nxt else s_end)
    inside = [p for p in here if lo <= p.start < hi]
    return {p.place.canonical for p in inside if not _inside_any(p.place.canonical, inside)}


def _places_in(doc: Doc, places: list[PlaceMention], index: int) -> list[PlaceMention]:
    if not doc.sentences:
        return []
    start, end = doc.sentences[index]
    return [p for p in places if start <= p.start < end and p.place.level in _PLACE_LEVELS]


def _inside_any(name: str, mentions: list[PlaceMention]) -> bool:
    entry = next(p.place for p in mentions if p.place.canonical == name)
    return any(entry.admin1 == other.place.canonical or entry.admin1 == other.place.admin1 and other.place.level == "oblast"
               for other in mentions if other.place.canonical != name)


# The parameters are typed so that the compiled code reads the mentions' fields directly
# instead of by name (speed only).
def _casualty_facts(doc: Doc, casualties: list[CasualtyMention], places: list[PlaceMention], attack_of,
                    quotes: list[Quote], facts: list[Fact], sentence_of_fact: dict[str, int], where: str) -> None:
    for m in casualties:
        fid = f"f{len(facts) + 1}"
        place = _place_for(doc, places, m.num_start, m.end)
        if place is None and m.update and not is_total_sentence(doc, m.num_start):
            place = _updated_place(facts, m.kind, where)
        increment = m.increment and not _new_place(facts, m.kind, place, where)
        scope = "breakdown" if m.breakdown or increment else ("place" if place else "total")
        facts.append(Fact(
            fid, m.kind, m.low, m.high, m.start, m.end, doc.text[m.start : m.end], where=where,
            attack=attack_of(m.num_start), scope=scope, place=place, group=m.group, update=m.update,
            speaker=_speaker_at(quotes, doc, m.num_start),
        ))
        sentence_of_fact[fid] = doc.sentence_index(m.num_start) if where == "text" else -1


def _new_place(facts: list[Fact], kind: str, place: str | None, where: str) -> bool:
    """"In Beryslav, two more people were injured": more, but in a place not counted yet."""
    return place is not None and all(f.place != place for f in facts if f.kind == kind and f.where == where)


def _updated_place(facts: list[Fact], kind: str, where: str) -> str | None:
    """"The death toll rose to 12" updates the figure before it when all earlier
    figures of that kind were for one place."""
    earlier = {f.place for f in facts if f.kind == kind and f.where == where and f.attack == "main" and f.scope != "breakdown"}
    return earlier.pop() if len(earlier) == 1 else None


def _weapon_facts(doc: Doc, mentions: list[WeaponMention], attack_of, quotes: list[Quote], facts: list[Fact],
                  sentence_of_fact: dict[str, int], origins: dict[str, str | None]) -> None:
    for w in mentions:
        fam = family(w.category)
        noun = _WEAPON_KIND.get(fam, "missiles")
        kind = "hits" if w.role == "hits" else f"{noun}_{w.role}"
        fid = f"f{len(facts) + 1}"
        facts.append(Fact(
            fid, kind, w.low, w.high, w.start, w.end, doc.text[w.start : w.end],
            attack=attack_of(w.num_start), scope="breakdown" if w.breakdown else ("derived" if w.derived else "total"),
            weapon=w.category, model=w.model, speaker=_speaker_at(quotes, doc, w.num_start),
        ))
        sentence_of_fact[fid] = doc.sentence_index(w.num_start)
        origins[fid] = w.origin or _stated_origin(doc, w.num_start)


_MADE_IN = re.compile(r"(?:made|produced|manufactured|supplied)\s+(?:in|by)\s+(?P<c>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)|(?P<c2>North Korean|Iranian|Russian)[- ](?:made|designed|produced|built)")
_MADE_IN_VERBS = ("made", "produced", "manufactured", "supplied", "designed", "built")
_ADJ_COUNTRY = {"North Korean": "North Korea", "Iranian": "Iran", "Russian": "Russia"}


def _stated_origin(doc: Doc, offset: int) -> str | None:
    """"made in North Korea" in the weapon's sentence."""
    start, end = doc.sentence_of(offset)
    if not holds_any(doc.text, _MADE_IN_VERBS, start, end):
        return None  # every match of _MADE_IN holds one of the verbs (speed only)
    m = _MADE_IN.search(doc.text, start, end)
    if not m:
        return None
    return m.group("c") or _ADJ_COUNTRY.get(m.group("c2") or "")


def _duration_facts(doc: Doc, attack_of, facts: list[Fact], sentence_of_fact: dict[str, int]) -> None:
    for low, high, start, end in find_durations(doc):
        fid = f"f{len(facts) + 1}"
        facts.append(Fact(fid, "duration_hours", low, high, start, end, doc.text[start:end], attack=attack_of(start)))
        sentence_of_fact[fid] = doc.sentence_index(start)


def _weapon_record(f: dict, origin: str | None) -> dict:
    role = "hits" if f["kind"] == "hits" else f["kind"].split("_", 1)[1]
    return {"fact": f["id"], "category": f["weapon"], "model": f["model"], "role": role, "low": f["low"],
            "high": f["high"], "origin": origin, "attack": f["attack"], "start": f["start"], "end": f["end"]}


def _place_record(p: PlaceMention, where: str) -> dict:
    e = p.place
    return {"name": e.canonical, "surface": p.surface, "start": p.start, "end": p.end, "status": p.status,
            "attack": p.attack, "level": e.level, "admin1": e.admin1, "country": e.country, "lat": e.lat,
            "lon": e.lon, "where": where}


def _damage_record(d: Damage, places: list[PlaceMention]) -> dict:
    near = [p for p in places if p.status == "struck" and abs(p.start - d.start) < 200]
    place = min(near, key=lambda p: abs(p.start - d.start)).place.canonical if near else None
    return {"category": d.category, "evidence": d.evidence, "start": d.start, "end": d.end, "place": place}


def _quote_record(q: Quote) -> dict:
    return {"text": q.text, "speaker": q.speaker, "role": q.role, "kind": q.kind, "start": q.start,
            "end": q.end, "person": q.is_person}


def _attacks(attacker: str | None, facts: list[Fact]) -> list[dict]:
    other = {"Russia": "Ukraine", "Ukraine": "Russia"}
    attacks = [{"id": "main", "attacker": attacker, "target": other.get(attacker or "")}]
    if any(f.attack == "counter" for f in facts):
        counter = other.get(attacker or "")
        attacks.append({"id": "counter", "attacker": counter, "target": attacker})
    return attacks
