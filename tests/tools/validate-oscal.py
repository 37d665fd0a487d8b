#!/usr/bin/python3
"""Validate OSCAL JSON documents against NIST's JSON Schema, read in place.

Usage: validate-oscal.py SCHEMA FILE...

NIST's schema writes its token pattern with Unicode property classes
(\\p{L}, \\p{N}), which Python's re module cannot compile.  The pattern
keyword is therefore evaluated with the regex module (python3-regex), which
implements them, instead of being dropped.  The formats the schema uses
(date-time, uri, uri-reference, email) are checked here too, as
jsonschema leaves them unchecked unless optional packages are present.
"""
import datetime
import json
import sys
import urllib.parse

import jsonschema
import regex


def pattern(validator, patrn, instance, schema):
    if not validator.is_type(instance, "string"):
        return
    if not regex.search(patrn, instance):
        yield jsonschema.ValidationError(
            f"{instance!r} does not match {patrn!r}")


checker = jsonschema.FormatChecker(formats=())


@checker.checks("date-time", raises=ValueError)
def date_time(value):
    if not isinstance(value, str):
        return True
    if not regex.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?"
                           r"(Z|[+-]\d\d:\d\d)", value):
        raise ValueError("not RFC 3339")
    datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return True


@checker.checks("uri-reference", raises=ValueError)
def uri_reference(value):
    if isinstance(value, str) and regex.search(r"\s", value):
        raise ValueError("blank in a URI reference")
    urllib.parse.urlsplit(value)
    return True


@checker.checks("uri", raises=ValueError)
def uri(value):
    if isinstance(value, str) and not urllib.parse.urlsplit(value).scheme:
        raise ValueError("no scheme")
    return uri_reference(value)


@checker.checks("email")
def email(value):
    return not isinstance(value, str) or "@" in value


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    base = jsonschema.validators.validator_for(schema)
    cls = jsonschema.validators.extend(base, {"pattern": pattern})
    validator = cls(schema, format_checker=checker)
    bad = 0
    for path in argv[2:]:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        errors = sorted(validator.iter_errors(doc), key=lambda e: e.path)
        for e in errors:
            where = "/".join(str(p) for p in e.absolute_path)
            print(f"{path}: /{where}: {e.message}", file=sys.stderr)
        bad += bool(errors)
        if not errors:
            print(f"{path}: valid")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
