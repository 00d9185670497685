"""Every report on the development set and the samples matches docs/schema/report.schema.json."""
import json
from pathlib import Path

import jsonschema

from strikewatch.extract import extract_article
from strikewatch.ingest import InputProblem, read_inputs

ROOT = Path(__file__).resolve().parents[2]


def test_reports_match_the_documented_schema():
    schema = json.loads((ROOT / "docs" / "schema" / "report.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    count = 0
    for item in read_inputs([str(ROOT / "tests" / "data" / "dev" / "articles.jsonl"), str(ROOT / "strikewatch" / "samples")]):
        assert not isinstance(item, InputProblem), str(item)
        report = json.loads(json.dumps(extract_article(item).to_dict()))
        errors = sorted(validator.iter_errors(report), key=str)
        assert not errors, f"{item.id}: {errors[0].message} at {list(errors[0].path)}"
        for fact in report["facts"]:
            source = item.text if fact["where"] == "text" else item.title
            assert source[fact["start"] : fact["end"]] == fact["evidence"]
        count += 1
    assert count >= 70
