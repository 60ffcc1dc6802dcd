"""The section template every pattern page follows (from the seed template)."""

from __future__ import annotations

SECTIONS: dict[str, str] = {
    "0": "Metadata",
    "1": "TL;DR (Executive Summary)",
    "2": "Problem & Context",
    "3": "Decision Drivers",
    "4": "Intuition & Baseline",
    "5": "The Pattern (Optimized Approach)",
    "6": "Architecture",
    "6.1": "Flow Diagram",
    "6.2": "Sequence (Optional)",
    "6.3": "Components",
    "7": "Interfaces",
    "7.1": "API Contracts (if applicable)",
    "7.2": "Events & Schemas (if applicable)",
    "8": "Data Model & Storage",
    "9": "Properties & Guarantees",
    "10": "Tradeoffs",
    "11": "Implementation Guide",
    "12": "Common Pitfalls & Edge Cases",
    "13": "Resilience & Recovery",
    "14": "Observability",
    "15": "Capacity & Sizing",
    "16": "Security & Compliance",
    "17": "Deployment, Versioning & Migration",
    "18": "Testing & Verification",
    "19": "Cost Model",
    "20": "Runbooks",
    "21": "Variants, Alternatives & Related Patterns",
    "22": "Practice Scenarios",
    "23": "Real-world Examples",
    "24": "References",
    "25": "Completion Checklist",
}

TOP_LEVEL = [n for n in SECTIONS if "." not in n]
SUBSECTIONS = {"6": ["6.1", "6.2", "6.3"], "7": ["7.1", "7.2"]}

METADATA_FIELDS = [
    "Name",
    "Canonical Path",
    "Category",
    "Status",
    "Last Updated",
    "Owners",
    "Reviewers",
    "Tags",
]

STATUSES = ("Draft", "Stable", "Deprecated")

CATEGORIES = {
    "001": "Fundamentals",
    "002": "Core Components",
    "003": "Distributed Systems",
    "004": "Architectural Patterns",
    "005": "Resilience Patterns",
    "006": "Scalability Patterns",
    "007": "Database Patterns",
    "008": "Load Balancing Patterns",
    "009": "Messaging Patterns",
    "010": "Microservices Patterns",
    "011": "Performance",
    "012": "Security",
    "013": "Advanced Topics",
}

TLDR_FIELDS = ["Problem", "Solution (essence)", "Use when", "Avoid when", "Key tradeoff"]

TRADEOFF_ASPECTS = [
    "Performance",
    "Scalability",
    "Availability",
    "Consistency",
    "Cost",
    "Complexity",
    "Maintainability",
    "Operability",
    "Security",
]

PRACTICE_LEVELS = ["Small", "Medium", "Large", "Validate"]

RELATION_GROUPS = {
    "variants": "variant of",
    "alternatives": "alternative to",
    "often combined with": "combined with",
    "combined with": "combined with",
    "often confused with": "confused with",
    "confused with": "confused with",
}

PLACEHOLDERS = ["[Pattern Name]", "[Step]", "YYYY-MM-DD", "[X]", "[e.g.", "TBD", "TODO"]

# Sections left out of the search index: they are the same on every page.
UNINDEXED_SECTIONS = {"25"}

# Bold lead-in labels the template puts on every page; they make all pages look alike to the model.
TEMPLATE_LABELS = {
    "problem statement", "context", "business impact", "non-goals", "slos/sla", "scale",
    "constraints", "cost", "naive approach", "why it fails", "key insight", "core concept",
    "happy-path flow (high level)", "degraded/failure mode", "idempotency", "pagination/filtering",
    "slas", "entities/relationships", "indexes & access patterns", "partitioning/sharding keys",
    "retention & ttls", "backups & restore points", "scalability", "availability (cap posture)",
    "consistency", "latency", "throughput", "fault tolerance", "complexity",
    "preconditions & dependencies", "services/components", "infrastructure",
    "configuration defaults", "code example (minimal)", "failure modes", "degradation", "recovery",
    "key metrics (with targets)", "example slos", "alerts", "tracing/logging", "back-of-the-envelope",
    "headroom", "authn/z", "data protection", "tenant isolation", "compliance", "threats", "rollout",
    "versioning", "migrations", "tests", "dr drills", "success criteria", "drivers", "levers",
    "budgets", "variants", "alternatives", "often combined with", "often confused with",
    "problem", "solution (essence)", "use when", "avoid when", "key tradeoff",
    "small", "medium", "large", "validate",
}  # fmt: skip


def category_label(folder: str) -> str:
    """'005_Resilience_Patterns' -> '005 Resilience Patterns'."""
    return folder.replace("_", " ")
