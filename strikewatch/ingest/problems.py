"""The record of an input item that could not be read."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class InputProblem:
    """An item that could not be read: one line for the user."""

    item: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.item}: {self.message} [{self.code}]"
