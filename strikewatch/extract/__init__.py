"""Per-article extraction: every figure with the span of text that supports it.

``extract_article(article) -> Report`` is pure and safe to map over partitions.
``BUILD`` says whether the compiled modules or the Python sources run (see
:mod:`strikewatch.native`)."""
from ..native import activate

BUILD = activate("extract", __path__)

from .pipeline import extract_article  # noqa: E402  (after the build is chosen)

__all__ = ["BUILD", "extract_article"]
