"""One event per real-world happening: clustering event mentions (pure).

Mentions report the same happening when they share the dyad at country level and the CAMEO
root, their dates are within ``window`` days of the cluster, and their places are
compatible (same country, or one unknown). Deterministic: the same mentions give the same
clusters and ids whatever order they come in.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

WINDOW_DAYS = 3


@dataclass
class Cluster:
    key: tuple[str, str, str]
    members: list[dict] = field(default_factory=list)
    first: date | None = None
    last: date | None = None
    country: str | None = None

    @property
    def cluster_id(self) -> str:
        seed = "|".join([*self.key, min(m["event_id"] for m in self.members)])
        return hashlib.sha1(seed.encode()).hexdigest()[:16]


def _compatible(c: Cluster, m: dict, window: int) -> bool:
    day = m.get("day")
    if day is None or c.last is None:
        return False
    if (day - c.last).days > window:
        return False
    loc = m.get("location_country")
    return not (loc and c.country and loc != c.country)


def cluster_mentions(mentions: list[dict], window: int = WINDOW_DAYS) -> list[Cluster]:
    """Group mention rows (with event_id, countries, root, day, location_country)."""
    by_key: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for m in mentions:
        by_key[(m["source_country"], m["target_country"], m["root"])].append(m)
    out: list[Cluster] = []
    for k in sorted(by_key):
        rows = sorted(by_key[k], key=lambda m: (m.get("day") or date.max, m["event_id"]))
        open_: list[Cluster] = []
        for m in rows:
            target = next((c for c in reversed(open_) if _compatible(c, m, window)), None)
            if target is None:
                target = Cluster(k)
                open_.append(target)
                out.append(target)
            target.members.append(m)
            day = m.get("day")
            if day is not None:
                target.first = min(target.first or day, day)
                target.last = max(target.last or day, day)
            target.country = target.country or m.get("location_country")
    return out


def summarise(c: Cluster, doc_sources: dict[str, str], doc_days: dict[str, date | None]) -> dict:
    """The events-table row of a cluster, with GDELT-like counts."""
    rep = sorted(c.members, key=lambda m: (-(m.get("confidence") or 0), m.get("day") or date.max,
                                           m["event_id"]))[0]
    codes = Counter(m["cameo"] for m in c.members)
    cameo = max(codes, key=lambda k: (codes[k], k == rep["cameo"], k))
    docs = {m["doc_id"] for m in c.members}
    seen = [d for d in (doc_days.get(doc) for doc in docs) if d is not None]
    located = next((m for m in c.members if m.get("location_country") == c.country
                    and m.get("lat") is not None), rep)
    return {
        "cluster_id": c.cluster_id,
        "global_id": int(c.cluster_id[:15], 16),
        "source_code": rep["source_code"], "source_country": c.key[0],
        "target_code": rep["target_code"], "target_country": c.key[1],
        "cameo": cameo, "root": c.key[2], "quad_class": rep["quad_class"],
        "goldstein": rep["goldstein"], "plover": rep.get("plover"),
        "date": rep.get("date"), "day": c.first,
        "first_seen": min(seen) if seen else c.first, "last_seen": max(seen) if seen else c.last,
        "location_name": located.get("location_name"),
        "location_country": located.get("location_country"),
        "lat": located.get("lat"), "lon": located.get("lon"),
        "n_mentions": len(c.members), "n_articles": len(docs),
        "n_sources": len({doc_sources.get(d) or d for d in docs}),
        "representative": rep["event_id"], "evidence": rep.get("evidence"),
        "confidence": rep.get("confidence"),
    }
