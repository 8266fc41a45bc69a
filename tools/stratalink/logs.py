"""Run logs of `strata run` / `strata bench` (JSON), their summary, and `strata compare`."""
import json


def summarize(info, runs):
    """A log: the device's info, every run's per-layer counts and min/avg/max per layer and total."""
    def stats(values):
        return {"min": min(values), "avg": sum(values) / len(values), "max": max(values)}

    first = runs[0]
    layers = []
    for i, layer in enumerate(first["layers"]):
        entry = {"index": layer["index"], "op": layer["op"]}
        entry.update(stats([r["layers"][i]["count"] for r in runs]))
        layers.append(entry)
    return {"format": "strata-log-1", "info": info, "unit": first["unit"], "runs": len(runs),
            "total": stats([r["total"] for r in runs]), "layers": layers,
            "top_classes": [r.get("top_class") for r in runs]}


def write(path, log):
    with open(path, "w") as f:
        json.dump(log, f, indent=1)
        f.write("\n")


def read(path):
    try:
        with open(path) as f:
            log = json.load(f)
    except (OSError, ValueError) as e:
        raise SystemExit(f"strata: cannot read log {path}: {e}")
    if log.get("format") != "strata-log-1":
        raise SystemExit(f"strata: {path} is not a strata run log (format strata-log-1)")
    return log


def label(log):
    info = log["info"]
    return f"{info.get('model')} {info.get('kernels')} on {info.get('board')}"


def compare(a, b):
    """Lines comparing two logs: per layer when both ran the same operators, then the total."""
    lines = [f"A: {label(a)}, {a['runs']} runs", f"B: {label(b)}, {b['runs']} runs"]
    if a["unit"] != b["unit"]:
        lines.append(f"note: A counts {a['unit']}, B counts {b['unit']}: the ratio mixes units")
    same_ops = [l["op"] for l in a["layers"]] == [l["op"] for l in b["layers"]]

    def row(name, va, vb):
        ratio = f"{vb / va:8.3f}" if va else "       -"
        return f"{name:<26} {va:>16,.0f} {vb:>16,.0f} {ratio}"

    lines.append(f"{'layer':<26} {'A avg':>16} {'B avg':>16} {'B/A':>8}")
    if same_ops:
        for la, lb in zip(a["layers"], b["layers"]):
            lines.append(row(f"{la['index']:3d} {la['op']}", la["avg"], lb["avg"]))
    else:
        lines.append("(the logs ran different operators: totals only)")
    lines.append(row("total", a["total"]["avg"], b["total"]["avg"]))
    return lines
