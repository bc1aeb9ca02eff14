# Validates JSON files against a JSON Schema (draft 2020-12) with Python's jsonschema, for the
# tests that compare its verdicts with Scorecard's own checker. Prints one line per file:
# "valid" or "invalid <first error>".
import json, sys
from jsonschema import Draft202012Validator

schema = json.load(open(sys.argv[1]))
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)
for path in sys.argv[2:]:
    errors = sorted(validator.iter_errors(json.load(open(path))), key=lambda e: list(e.absolute_path))
    print("valid" if not errors else "invalid " + errors[0].message.replace("\n", " ")[:200])
