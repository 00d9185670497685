"""Events: group reports of the same attack and reconcile their figures.

Public API:
- ``build_events(reports)``: extraction reports (dicts, ``Report.to_dict()``; add the
  article's ``text`` for better reprint detection) -> event dicts (docs/events.md).
- ``regroup(reports_in_window)``: the incremental entry point for the store. Pass every
  stored report whose event date (or publication date, when undated) falls inside the
  window touched by a new batch, widened by one day on each side; replace the stored
  events that contain any of those reports with the result. Event ids are derived from
  each event's earliest-published report, so events that did not change keep their ids.
- ``score_grouping(gold, predicted)``: pairwise and B-cubed precision/recall/F1.
- ``event_assignments(events)``: {report id: event id}.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..native import activate

BUILD = activate("events", __path__)  # the compiled modules when up to date (strikewatch.native)

from .build import EventBuilder, build_events, event_id  # noqa: E402  (after the build is chosen)
from .scoring import event_assignments, score_grouping


def regroup(reports_in_window: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rebuild the events of one date window (see the module docstring)."""
    return build_events(reports_in_window)


__all__ = ["BUILD", "EventBuilder", "build_events", "event_assignments", "event_id", "regroup", "score_grouping"]
