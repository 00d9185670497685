"""The README documents every command, and every document it links to exists."""
import json
import re
from pathlib import Path

from typer.main import get_command

from strikewatch.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme():
    commands = sorted(get_command(app).commands)
    assert {"extract", "events", "ingest", "serve", "eval", "export"} <= set(commands)
    missing = [name for name in commands if f"strikewatch {name}" not in README]
    assert not missing, f"commands not shown in README.md: {missing}"


def test_readme_links_resolve_and_shows_the_two_commands():
    assert "make demo" in README and "make test" in README
    for link in re.findall(r"\]\(((?:docs|strikewatch)/[^)#]+)\)", README):
        assert (ROOT / link).exists(), link


def test_report_schema_is_valid_json_schema():
    import jsonschema

    schema = json.loads((ROOT / "docs" / "schema" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
