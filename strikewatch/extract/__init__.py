"""Per-article extraction: every figure with the span of text that supports it.

``extract_article(article) -> Report`` is pure and safe to map over partitions."""
from .pipeline import extract_article

__all__ = ["extract_article"]
