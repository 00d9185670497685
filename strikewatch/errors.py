"""One error type for the library; the CLI prints it as one line, the web layer as JSON."""
from __future__ import annotations


class StrikewatchError(Exception):
    """A failure with a stable code and the item it concerns."""

    def __init__(self, code: str, message: str, item: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.item = item

    def __str__(self) -> str:
        where = f"{self.item}: " if self.item else ""
        return f"{where}{self.message} [{self.code}]"


# Codes. SW1xx: input; SW2xx: extraction; SW3xx: store; SW4xx: web; SW5xx: scale.
EMPTY = "SW101"
BINARY = "SW102"
ENCODING = "SW103"
TOO_LARGE = "SW104"
BAD_JSON = "SW105"
NOT_FOUND = "SW106"
BAD_HTML = "SW107"
BAD_FEED = "SW108"
FETCH = "SW109"
EXTRACTION = "SW201"
STORE = "SW301"
MISSING_EXTRA = "SW501"
