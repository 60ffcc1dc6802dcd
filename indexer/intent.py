"""Section intent: which template sections a query is asking about ("how many nodes" -> 15)."""

from __future__ import annotations

import re

# Each rule: a pattern over the lowercased query and the sections it points to.
RULES: list[tuple[re.Pattern, tuple[str, ...]]] = [
    (r"\bhow (many|much|big|large)\b|\bsiz(e|ing)\b|\bcapacity\b|\bestimat|\bback.of.the.envelope|"
     r"\b\d+(\.\d+)?\s?(k|m)?\s?(qps|rps|tps|gb|tb|pb|mb)\b|\bper second\b", ("15",)),
    (r"\brunbook|\bon.?call\b|\bpaged?\b|\bincident\b|\bstuck\b|\bwhat (do|should) (i|we) do\b|"
     r"\bwon'?t (close|recover|drain)|\breplay|\bredrive|\bsteps when\b", ("20",)),
    (r"\brecover(y|s)?\b|\bfailover\b|\bdegrad|\bblast radius", ("13",)),
    (r"\bhow (long|often)\b|\bthreshold|\bstarting (value|point)|\bsensible\b|\btimeout values?\b|"
     r"\btune\b|\btuning\b", ("11", "15")),
    (r"\bmetrics?\b|\balert(s|ing)?\b|\bmonitor|\bdashboard|\bobservab|\bslo\b|\bsli\b|\btrac(e|ing)\b",
     ("14",)),
    (r"\btest(s|ing)?\b|\bprove\b|\bchaos\b|\bverif(y|ication)\b|\bdrill\b|\bfault injection", ("18",)),
    (r"\bsecur|\bauth|\battack|\bthreat|\bencrypt|\babuse\b|\bspoof|\bcompliance|\bpii\b|\bgdpr\b", ("16",)),
    (r"\bmigrat|\broll ?out\b|\bcut ?over\b|\bbackfill|\bwithout downtime\b|\bzero.downtime|\bdual.writ|"
     r"\bversion(ing)?\b|\bupgrade", ("17",)),
    (r"\bcost|\bprice|\bcheap|\bexpensive|\bbudget|\bbill(ing)?\b|\bspend\b", ("19",)),
    (r"\bpitfall|\bgo(es)? wrong|\bgotcha|\bmistake|\bedge case|\brace\b|\bcorner case|\banti.?pattern",
     ("12",)),
    (r"\btrade.?offs?\b|\bpros and cons\b|\bdownsides?\b|\bdrawbacks?\b", ("10",)),
    (r"\bimplement|\bcode\b|\bpython\b|\bsnippet|\bconfigur|\bdefaults?\b|\bsettings?\b|\blibrary", ("11",)),
    (r"\balternatives?\b|\binstead of\b|\bvariants?\b|\bsimilar to\b|\brelated pattern", ("21",)),
    (r"\bschema\b|\btables?\b|\bdata model|\bstor(e|age) (the|dedup|keys)|\bwhere to store|\bretention|"
     r"\bttl\b|\bindex(es)?\b", ("8",)),
    (r"\bapi\b|\bendpoint|\bcontract|\bheaders?\b|\bstatus code|\bevent (format|schema)|\bpayload",
     ("7.1", "7.2")),
    (r"\bwho uses\b|\breal.world\b|\bin production\b|\bproduction systems?\b|\bcompan(y|ies)\b|"
     r"\bcase stud", ("23",)),
    (r"\bpractice\b|\bexercises?\b|\binterview question|\bmock interview", ("22",)),
    (r"\bguarantee|\bconsisten(t|cy)\b|\bavailability\b|\bcap\b", ("9",)),
    (r"\bcomponents?\b|\barchitecture\b|\bdiagram", ("6.3", "6.1")),
]  # fmt: skip
_COMPILED = [(re.compile(p), sections) for p, sections in RULES]


def sections_for(query: str) -> set[str]:
    """Template sections the query asks about (empty when it asks about the pattern as a whole)."""
    text = query.lower()
    return {s for pattern, sections in _COMPILED if pattern.search(text) for s in sections}
