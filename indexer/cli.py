"""`python -m indexer`: rebuild, search, related, lint, eval, stats."""

from __future__ import annotations

import argparse
import io
import json
import sys
import time
from pathlib import Path

from .config import default_config
from .errors import IndexerError

FILTERS = ("category", "subcategory", "tag", "status", "section")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except IndexerError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m indexer", description=__doc__)
    parser.add_argument("--root", type=Path, help="project folder holding Patterns/ and index/")
    sub = parser.add_subparsers(required=True, metavar="COMMAND")

    p = sub.add_parser("rebuild", help="bring index/ up to date with Patterns/")
    p.add_argument("--check", action="store_true", help="only report whether index/ is stale (exit 1 if so)")
    p.add_argument("--full", action="store_true", help="re-embed every chunk")
    p.add_argument("--strict", action="store_true", help="refuse to write if any page fails to parse")
    p.set_defaults(run=cmd_rebuild)

    p = sub.add_parser("search", help="hybrid search; with no QUERY reads one query per line from stdin")
    p.add_argument("query", nargs="*", help="the query words")
    p.add_argument("--k", type=_positive, default=10, help="number of patterns (default 10)")
    p.add_argument("--json", action="store_true", help="print one JSON object per query (JSONL)")
    for name in FILTERS:
        p.add_argument(f"--{name}", action="append", default=[], help=f"keep only this {name} (repeatable)")
    p.set_defaults(run=cmd_search)

    p = sub.add_parser("related", help="typed links, backlinks and nearest neighbours of a pattern")
    p.add_argument("pattern", help="slug, title or alias")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_related)

    p = sub.add_parser("lint", help="check pages against the template's Completion Checklist")
    p.add_argument("paths", nargs="*", type=Path, help="files or folders (default: Patterns/)")
    p.add_argument("--strict", action="store_true", help="warnings fail too")
    p.set_defaults(run=cmd_lint)

    p = sub.add_parser("eval", help="retrieval quality on the labelled queries (eval/queries.yaml)")
    p.add_argument("--queries", type=Path, help="query file (default: eval/queries.yaml)")
    p.add_argument("--split", choices=["tune", "heldout", "all"], default="all")
    p.add_argument("--mode", action="append", choices=["hybrid", "dense", "bm25"], help="repeatable")
    p.add_argument("--failures", action="store_true", help="list queries whose first result is wrong")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_eval)

    p = sub.add_parser("study", help="practise the scenarios in the terminal; `study export deck.apkg`")
    p.add_argument("action", nargs="?", choices=["session", "export", "progress"], default="session")
    p.add_argument("path", nargs="?", type=Path, help="with export: the .apkg file to write")
    p.add_argument("--category", help="only this category (e.g. 005_Resilience_Patterns)")
    p.add_argument("--pattern", help="only this pattern (slug, title or alias)")
    p.add_argument("--due", action="store_true", help="only cards that are due")
    p.add_argument("--weakest", action="store_true", help="cards of your weakest patterns")
    p.add_argument("--level", default="any", help="Small, Medium, Large, Recall, Drill or any")
    p.add_argument("--limit", type=_positive, default=5, help="cards per session (default 5)")
    p.add_argument("--db", type=Path, help="study database (default: your data directory)")
    p.set_defaults(run=cmd_study)

    p = sub.add_parser("stats", help="what the index holds")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_stats)
    return parser


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def _config(args):
    return default_config(args.root)


def cmd_rebuild(args) -> int:
    from .build import check, rebuild

    config = _config(args)
    if args.check:
        problems = check(config)
        for problem in problems:
            print(problem)
        if problems:
            print("index/ is stale: run `python -m indexer rebuild`", file=sys.stderr)
            return 1
        print("index/ is up to date", file=sys.stderr)
        return 0
    report = rebuild(config, full=args.full, strict=args.strict)
    print(
        f"{report.files} pages, {report.chunks} chunks: embedded {report.embedded}, reused "
        f"{report.reused} in {report.seconds:.1f}s (embedding {report.embed_seconds:.1f}s)",
        file=sys.stderr,
    )
    for path in report.kept:
        print(f"kept the previous index entries of {path} (it failed to parse)", file=sys.stderr)
    return 1 if report.errors else 0


def cmd_search(args) -> int:
    from .guide import Guide

    guide = Guide(_config(args))
    stale = guide.stale()
    if stale:
        print(
            f"warning: index/ is stale ({len(stale)} page(s) changed); run `python -m indexer rebuild`",
            file=sys.stderr,
        )
    filters = {name: getattr(args, name) for name in FILTERS if getattr(args, name)}
    stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    queries = [" ".join(args.query)] if args.query else (line.strip() for line in stdin)
    for query in queries:
        if not query and not args.query:
            continue
        started = time.perf_counter()
        results = guide.search(query, k=args.k, **filters)
        if args.json:
            record = {"query": query, "results": [r.to_json() for r in results]}
            print(json.dumps(record, ensure_ascii=False), flush=True)
        else:
            _print_results(query, results, time.perf_counter() - started)
    return 0


def _print_results(query: str, results, seconds: float) -> None:
    print(f"{query!r}: {len(results)} pattern(s) in {seconds * 1000:.0f} ms")
    if not results:
        print("  nothing matched; try fewer words, a symptom, or drop filters")
    for r in results:
        print(f"{r.rank:>2}. {r.title}  [{r.score:.3f}]  {r.path}")
        for s in r.sections:
            print(f"      §{s.section} {s.title}: {s.snippet}")


def cmd_related(args) -> int:
    from .guide import Guide

    guide = Guide(_config(args))
    slug = guide.resolve(args.pattern)
    rel = guide.related(slug)
    if args.json:
        out = {"pattern": slug, **{k: [vars(r) for r in v] for k, v in rel.items()}}
        print(json.dumps(out, ensure_ascii=False))
        return 0
    print(guide.patterns[slug]["title"])
    for group, label in (
        ("links", "links"),
        ("backlinks", "linked from"),
        ("neighbours", "nearest neighbours"),
    ):
        print(f"  {label}:")
        for r in rel[group] or []:
            extra = f" ({r.score:.2f})" if group == "neighbours" else f": {r.reason}" if r.reason else ""
            print(f"    - {r.relation}: {r.title}{extra}")
        if not rel[group]:
            print("    (none)")
    return 0


def cmd_lint(args) -> int:
    from .lint import lint
    from .tokens import counter_for

    config = _config(args)
    if not args.paths and not config.patterns_dir.is_dir():
        raise IndexerError(f"{config.patterns_dir}: no such folder; pass --root or PATHS")
    missing = [p for p in args.paths if not p.exists()]
    for p in missing:
        print(f"{p}:1: no such file or folder")
    findings = lint(config.root, args.paths or None, counter_for(config.model_dir).count)
    for f in findings:
        print(f)
    errors = sum(f.severity == "error" for f in findings) + len(missing)
    warnings = sum(f.severity == "warning" for f in findings)
    print(f"{errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return 1 if errors or (args.strict and warnings) else 0


def cmd_stats(args) -> int:
    from . import store

    config = _config(args)
    data = store.load(config.index_dir)
    by_category: dict[str, int] = {}
    for meta in data.patterns.values():
        by_category[meta["category"]] = by_category.get(meta["category"], 0) + 1
    stats = {
        "patterns": len(data.patterns),
        "chunks": len(data.chunks),
        "model": data.manifest["model"],
        "dim": data.manifest["dim"],
        "built_at": data.manifest["built_at"],
        "schema": data.manifest["schema"],
        "by_category": dict(sorted(by_category.items())),
        "bytes": sum(p.stat().st_size for p in config.index_dir.rglob("*") if p.is_file()),
    }
    if args.json:
        print(json.dumps(stats))
    else:
        for key, value in stats.items():
            print(f"{key}: {value}")
    return 0


def cmd_eval(args) -> int:
    from .evaluate import evaluate, load_queries
    from .guide import Guide

    config = _config(args)
    queries = load_queries(args.queries or config.root / "eval" / "queries.yaml")
    guide = Guide(config)
    modes = tuple(args.mode) if args.mode else ("hybrid", "dense", "bm25")
    report = evaluate(guide.searcher, queries, split=args.split, modes=modes)
    if args.json:
        print(json.dumps(vars(report), indent=1))
        return 0
    print(
        f"{report.evaluated} queries evaluated ({args.split}); "
        f"{report.skipped} skipped (no page for the answer yet)"
    )
    names = list(next(iter(report.scores.values())))
    print("| mode | " + " | ".join(names) + " | section acc. |")
    print("|---" * (len(names) + 2) + "|")
    for mode, values in report.scores.items():
        cells = " | ".join(f"{values[n]:.3f}" for n in names)
        print(f"| {mode} | {cells} | {report.section_accuracy[mode]:.3f} |")
    if report.by_type:
        print("\nhybrid by query type:")
        for kind, values in report.by_type.items():
            print(
                f"  {kind:<11} n={values['n']:<4} "
                f"nDCG@10={values['nDCG@10']:.3f}  Hit@1={values['Hit@1']:.3f}"
            )
    if args.failures:
        print(f"\n{len(report.failures)} queries whose first result is not a best answer:")
        for f in report.failures:
            print(f"  {f['id']} [{f['type']}] {f['query']!r}: expected {f['expected']}, got {f['got']}")
    return 0


def cmd_study(args) -> int:
    from . import store
    from .study.db import StudyDB
    from .study.progress import progress
    from .study.session import load_cards, open_study

    config = _config(args)
    data = store.load(config.index_dir)
    if args.action == "export":
        from .study.anki import export

        if not args.path:
            raise IndexerError("study export needs a file name, e.g. `study export deck.apkg`")
        count = export(load_cards(data), args.path)
        print(f"wrote {count} cards to {args.path}", file=sys.stderr)
        return 0
    study = open_study(data, StudyDB(args.db))
    if args.action == "progress":
        stats = progress(study.db, set(study.cards))
        print(json.dumps(vars(stats), indent=1))
        return 0
    scope, value = "all", ""
    if args.pattern:
        from .guide import Guide

        scope, value = "pattern", Guide(config).resolve(args.pattern)
    elif args.category:
        scope, value = "category", args.category
    elif args.due:
        scope = "due"
    elif args.weakest:
        scope = "weakest"
    try:
        cards = study.queue(scope, value, args.level, args.limit)
    except ValueError as e:
        raise IndexerError(str(e)) from None
    from .embed import load_embedder
    from .study.terminal import main as run_session

    return run_session(data, study, cards, load_embedder(config.model))
