"""One router per resource: ``api`` (JSON), ``exports`` (files), ``pages`` (HTML)."""
