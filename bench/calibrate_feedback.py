"""Choose the study-feedback thresholds from eval/feedback_calibration.yaml.

Run: .venv/bin/python bench/calibrate_feedback.py
Each written sentence is scored against all key points of its page, as the feedback does;
the report gives both distributions and the threshold that best separates them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.config import default_config  # noqa: E402
from indexer.embed import load_embedder  # noqa: E402
from indexer.study.cards import KeyPoint  # noqa: E402
from indexer.study.feedback import COVERED, PARTLY, feedback  # noqa: E402


def main() -> None:
    items = yaml.safe_load((ROOT / "eval" / "feedback_calibration.yaml").read_text())
    embedder = load_embedder(default_config().model)
    pos, neg = [], []
    for item in items:
        page = [KeyPoint("", other["point"]) for other in items if other["page"] == item["page"]]
        where = [p.text for p in page].index(item["point"])
        for text, bucket in [(t, pos) for t in item["covers"]] + [(t, neg) for t in item["misses"]]:
            bucket.append((feedback(text, page, embedder).points[where].score, text))
    pos.sort()
    neg.sort()
    print(f"covers (n={len(pos)}): min {pos[0][0]:.3f}  median {pos[len(pos) // 2][0]:.3f}")
    print(f"misses (n={len(neg)}): max {neg[-1][0]:.3f}  median {neg[len(neg) // 2][0]:.3f}")
    best = max(
        (t / 100 for t in range(20, 90)),
        key=lambda t: sum(s >= t for s, _ in pos) + sum(s < t for s, _ in neg),
    )
    right = sum(s >= best for s, _ in pos) + sum(s < best for s, _ in neg)
    print(f"best single threshold {best:.2f}: {right}/{len(pos) + len(neg)} classified right")
    for name, t in (("COVERED", COVERED), ("PARTLY", PARTLY)):
        tp = sum(s >= t for s, _ in pos)
        fp = sum(s >= t for s, _ in neg)
        print(f"{name} = {t:.2f}: {tp}/{len(pos)} covers reach it, {fp}/{len(neg)} misses reach it")
    print("| threshold | covers reaching it | misses reaching it |")
    print("|---|---|---|")
    for t in (0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55):
        hits, false = sum(s >= t for s, _ in pos), sum(s >= t for s, _ in neg)
        print(f"| {t:.2f} | {hits}/{len(pos)} | {false}/{len(neg)} |")
    print("lowest covers:", *[f"  {s:.3f} {t}" for s, t in pos[:3]], sep="\n")
    print("highest misses:", *[f"  {s:.3f} {t}" for s, t in neg[-3:]], sep="\n")


if __name__ == "__main__":
    main()
