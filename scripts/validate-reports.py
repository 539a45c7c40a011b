#!/usr/bin/env python3
"""Validate Parley reports against the JSON Schemas in Schemas/.

Usage: validate-reports.py document|corpus FILE...   (JSON or JSON Lines; '-' reads stdin)
Exits non-zero on the first invalid report, printing where and why.
"""
import json, pathlib, sys
import jsonschema

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCHEMAS = {"document": "document-report.v1.schema.json", "corpus": "corpus-report.v1.schema.json"}


def records(path):
    text = sys.stdin.read() if path == "-" else pathlib.Path(path).read_text(encoding="utf-8")
    stripped = text.strip()
    if not stripped:
        return
    try:
        yield json.loads(stripped)
    except json.JSONDecodeError:
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                yield json.loads(line)


def main():
    kind, paths = sys.argv[1], sys.argv[2:]
    schema = json.loads((ROOT / "Schemas" / SCHEMAS[kind]).read_text())
    validator = jsonschema.Draft202012Validator(schema)
    count = 0
    for path in paths:
        for record in records(path):
            errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
            if errors:
                for error in errors[:5]:
                    print(f"{path}: {record.get('id', '?')}: {'/'.join(map(str, error.path))}: {error.message}", file=sys.stderr)
                sys.exit(1)
            count += 1
    print(f"{count} {kind} report(s) valid against {SCHEMAS[kind]}")


if __name__ == "__main__":
    main()
