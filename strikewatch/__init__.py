"""strikewatch."""
