"""Parses the firmware's machine-readable console lines: `@<record> key=value key=value ...`."""
import re

RECORD_RE = re.compile(r"^@(\w+) (.*)$")
FIELD_RE = re.compile(r"(\w+)=(\S*)")


def parse(text):
    """Returns a list of (record name, {field: value}) in output order."""
    records = []
    for line in text.splitlines():
        m = RECORD_RE.match(line.strip())
        if m:
            records.append((m.group(1), dict(FIELD_RE.findall(m.group(2)))))
    return records


def first(records, name):
    for rec, fields in records:
        if rec == name:
            return fields
    return None


def every(records, name):
    return [fields for rec, fields in records if rec == name]


def runs(records):
    """One entry per inference: its @total and the @layer records the firmware prints after it."""
    result = []
    for rec, fields in records:
        if rec == "total":
            result.append({"layers": [], "total": fields})
        elif rec == "layer" and result:
            result[-1]["layers"].append(fields)
    return result
