"""PNG charts for BENCHMARKS.md (Debian's python3-matplotlib, no display needed).

The main chart puts Strata beside what users compare it with: TensorFlow Lite Micro, with its
reference kernels and with CMSIS-NN, on the conformance models (TFLM figures: report.TFLM_M7).
"""
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from .report import CASE_FOR, TFLM_M7  # noqa: E402


# Models below this many instructions (sine) would be invisible bars; the tables list them.
MIN_CHARTED = 100000


def charted(models):
    return {key: r for key, r in models.items()
            if int(r["runs"][0]["total"]["count"]) >= MIN_CHARTED}


def tflm_comparison(conformance, path):
    """Instructions of one inference per conformance model: TFLM reference, TFLM + CMSIS-NN, Strata
    reference, Strata optimized, side by side (log scale: the models span three decades)."""
    series = [("TFLM reference", "#b0b0b0"), ("TFLM + CMSIS-NN", "#606060"),
              ("Strata reference", "#9ecae1"), ("Strata optimized", "#08519c")]
    rows = []
    for name, (_, tflm_ref, cmsis) in TFLM_M7.items():
        case = CASE_FOR[name]
        strata = [conformance.get(k, {}).get(case, {}).get("invoke_instructions")
                  for k in ("reference", "optimized")]
        if tflm_ref >= MIN_CHARTED and all(strata):
            rows.append((name, [tflm_ref, cmsis] + [int(v) for v in strata]))
    if not rows:
        return False
    fig, ax = plt.subplots(figsize=(max(7, 1.5 * len(rows)), 5))
    width = 0.2
    for j, (label, colour) in enumerate(series):
        values = [r[1][j] / 1e6 for r in rows]
        bars = ax.bar([i + (j - 1.5) * width for i in range(len(rows))], values, width, label=label,
                      color=colour)
        ax.bar_label(bars, fmt="%.3g", fontsize=6, rotation=90, padding=2)
    ax.set_yscale("log")
    ax.set_xticks(range(len(rows)))
    ax.set_xticklabels([r[0] for r in rows], rotation=15, ha="right")
    ax.set_ylabel("million instructions per inference (log scale)")
    ax.set_title("One inference on the Cortex-M7 virtual board: TFLM vs Strata (lower is better)")
    ax.set_ylim(top=ax.get_ylim()[1] * 5)  # room for the labels and the legend
    ax.legend(loc="upper center", ncol=len(series), fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


def backend_comparison(results, path):
    """Total instructions per model x kernels, one group of bars per model, one chart per board."""
    results = {board: charted(models) for board, models in results.items()}
    boards = list(results)
    fig, axes = plt.subplots(1, len(boards), figsize=(6 * len(boards), 4.5), squeeze=False)
    for ax, board in zip(axes[0], boards):
        models = sorted({m for m, _ in results[board]})
        kernels = sorted({k for _, k in results[board]})
        width = 0.8 / max(1, len(kernels))
        for j, k in enumerate(kernels):
            values = [int(results[board][(m, k)]["runs"][0]["total"]["count"]) / 1e6
                      if (m, k) in results[board] else 0 for m in models]
            bars = ax.bar([i + j * width for i in range(len(models))], values, width, label=k)
            ax.bar_label(bars, fmt="%.1f", fontsize=7)
        ax.set_xticks([i + width * (len(kernels) - 1) / 2 for i in range(len(models))])
        ax.set_xticklabels(models, rotation=20, ha="right")
        ax.set_ylabel("million instructions per inference")
        ax.set_title(board)
        # Headroom above the tallest bar for its label and the legend (one row across the top).
        ax.set_ylim(top=ax.get_ylim()[1] * 1.18)
        ax.legend(loc="upper center", ncol=len(kernels))
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def per_layer_stacked(results, board, path):
    """One stacked bar per model x kernels: the share of each layer in the total."""
    entries = sorted(charted(results[board]).items())
    fig, ax = plt.subplots(figsize=(max(6, 1.2 * len(entries)), 5))
    labels = []
    op_colors = {}
    palette = plt.get_cmap("tab10")
    for x, ((model, kernels), r) in enumerate(entries):
        bottom = 0.0
        for layer in r["runs"][0]["layers"]:
            value = int(layer["count"]) / 1e6
            op = layer["op"]
            if op not in op_colors:
                op_colors[op] = palette(len(op_colors) % 10)
            ax.bar(x, value, bottom=bottom, color=op_colors[op], edgecolor="white", linewidth=0.5)
            bottom += value
        labels.append(f"{model}\n{kernels}")
    ax.set_xticks(range(len(entries)))
    ax.set_xticklabels(labels, fontsize=8)
    ax.set_ylabel("million instructions")
    ax.set_title(f"Per-layer instructions on {board} (stacked by layer, colour = op)")
    handles = [plt.Rectangle((0, 0), 1, 1, color=c) for c in op_colors.values()]
    # Beside the plot, not over it: the tallest bar is often the last one.
    ax.legend(handles, list(op_colors), fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write_all(results, out_dir, rel_dir, conformance=None):
    """Writes every chart; returns (title, relative path) pairs, the main chart first."""
    os.makedirs(out_dir, exist_ok=True)
    charts = []
    path = os.path.join(out_dir, "vs-tflm.png")
    if conformance and tflm_comparison(conformance, path):
        charts.append(("instructions per inference: TFLM, TFLM + CMSIS-NN, Strata reference and "
                       "optimized on the conformance models", f"{rel_dir}/vs-tflm.png"))
    path = os.path.join(out_dir, "backends.png")
    backend_comparison(results, path)
    charts.append(("instructions per inference by backend", f"{rel_dir}/backends.png"))
    for board in results:
        path = os.path.join(out_dir, f"layers-{board}.png")
        per_layer_stacked(results, board, path)
        charts.append((f"per-layer instructions on {board}", f"{rel_dir}/layers-{board}.png"))
    return charts
