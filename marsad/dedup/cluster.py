"""Cluster events into incidents and build each incident's canonical event.

Deterministic: candidate pairs come from (country, date) blocks, are merged best-score first
(ties by event id), and two clusters merge only when *every* cross pair passes the rule and no
article contributes two events (complete linkage), so chains of near-matches cannot snowball.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from marsad.dedup.dates import event_interval, is_day_precise
from marsad.dedup.match import DEFAULT, DedupConfig, Facts, Verdict, _level, compare, facts, fold_name
from marsad.events.model import Event


@dataclass(slots=True)
class CanonicalEvent:
    """One incident: the merged event, its member events and articles, and why they were merged."""

    id: str
    event: Event
    event_ids: list[str]
    article_ids: list[str]
    reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"id": self.id, "event": self.event.to_dict(), "event_ids": self.event_ids,
                "article_ids": self.article_ids, "reasons": self.reasons}

    @classmethod
    def from_dict(cls, data: dict) -> CanonicalEvent:
        return cls(id=data["id"], event=Event.from_dict(data["event"]), event_ids=list(data["event_ids"]),
                   article_ids=list(data["article_ids"]), reasons=list(data.get("reasons", [])))


def _cells(point: tuple[float, float], km: float) -> tuple[int, int, float]:
    """Grid cell of ``point`` for a search radius of ``km`` (longitude cells sized for |lat| <= 60)."""
    size = km / 111.0
    return int(point[1] // (2 * size)), int(point[0] // size), size


def _candidate_pairs(fs: Sequence[Facts], config: DedupConfig) -> Iterable[tuple[int, int]]:
    """Index pairs close enough in place and date to be worth comparing (blocking).

    Town-level events meet town-level events in the 3x3 grid cells of ``town_km`` around them, and
    "near X" events in cells of ``near_km``; admin-level events meet every event of their admin1;
    events with a place name but no coordinates meet events with the same name. Within a block
    only events whose dates can match pair up.
    """
    slack = dt.timedelta(days=max(1, config.imprecise_days))
    buckets: dict[tuple, list[tuple[dt.date, dt.date, int]]] = defaultdict(list)
    probes: list[tuple[int, dt.date, dt.date, list[tuple]]] = []
    around = [(dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
    for i, f in enumerate(fs):
        start, end, level = f.start, f.end, f.level
        if start is None or end is None or level == 9:
            continue
        admin = ("admin", f.admin1) if f.admin1 else None
        own: list[tuple] = [admin] if admin else []
        probe: list[tuple] = []
        if level <= 2 and f.point is not None:
            nx, ny, _ = _cells(f.point, config.near_km)
            own.append(("near-all", nx, ny))
            if level == 1:
                tx, ty, _ = _cells(f.point, config.town_km)
                own.append(("town", tx, ty))
                probe += [("town", tx + dx, ty + dy) for dx, dy in around]
                probe += [("near-2", nx + dx, ny + dy) for dx, dy in around]
            else:
                own.append(("near-2", nx, ny))
                probe += [("near-all", nx + dx, ny + dy) for dx, dy in around]
        elif level <= 2 and f.name:
            own.append(("name", f.name))
            probe.append(("name", f.name))
        if level == 3 and admin:
            probe.append(admin)
        for key in own:
            buckets[key].append((start, end, i))
        probes.append((i, start, end, probe))
    spans: dict[tuple, dt.timedelta] = {}
    for key, rows in buckets.items():
        rows.sort()
        spans[key] = max(r[1] - r[0] for r in rows)
    starts = {key: [r[0] for r in rows] for key, rows in buckets.items()}
    seen: set[tuple[int, int]] = set()
    for i, start, end, keys in probes:
        for key in keys:
            rows = buckets.get(key)
            if not rows:
                continue
            lo = bisect.bisect_left(starts[key], start - slack - spans[key])
            hi = bisect.bisect_right(starts[key], end + slack)
            precise, group = fs[i].day_precise, fs[i].type_group
            for s_j, e_j, j in rows[lo:hi]:
                if j == i or e_j < start - slack or (precise and s_j != start and fs[j].day_precise):
                    continue
                if fs[j].type_group != group and config.cross_type:
                    continue
                pair = (i, j) if i < j else (j, i)
                if pair not in seen:
                    seen.add(pair)
                    yield pair


def cluster_events(events: Sequence[Event], outlets: Mapping[str, str] | None = None,
                   config: DedupConfig = DEFAULT) -> list[CanonicalEvent]:
    """Group ``events`` (each with ``event_id`` and ``article_id``) into canonical events.

    outlets: article id -> outlet name, listed among the canonical event's sources.
    RETURNS: one CanonicalEvent per incident (singletons included), ordered by date then id.

    Identically coded reports from different articles (wire copy, syndication) are joined first,
    so the pairwise work grows with the number of distinct codings, not of copies.
    """
    events = sorted(events, key=lambda e: e.event_id or "")
    ids = [e.event_id or f"#{i}" for i, e in enumerate(events)]
    fs = [facts(e) for e in events]
    by_signature: dict[tuple, Verdict] = {}

    def verdict(i: int, j: int) -> Verdict:
        """The rule on the codings of events i and j (articles are checked separately)."""
        key = (fs[i].signature, fs[j].signature)
        found = by_signature.get(key)
        if found is None:
            found = by_signature[key] = compare(fs[i], fs[j], config, check_article=False)
        return found

    # 1. Nodes: events with identical codings, at most one per article.
    nodes: list[list[int]] = []
    node_articles: list[set[str]] = []
    reasons: dict[int, list[str]] = {}
    open_nodes: dict[tuple, list[int]] = defaultdict(list)
    for i, f in enumerate(fs):
        article = f.e.article_id or f"#{i}"
        target = next((n for n in open_nodes[f.signature] if article not in node_articles[n]), None)
        if target is None or not verdict(i, nodes[target][0]).same:
            open_nodes[f.signature].append(len(nodes))
            nodes.append([i])
            node_articles.append({article})
            reasons[len(nodes) - 1] = []
        else:
            rep = nodes[target][0]
            nodes[target].append(i)
            node_articles[target].add(article)
            reasons[target].append(f"{ids[rep]} = {ids[i]}: identical coding; {verdict(rep, i).explain()}")

    # 2. Candidate pairs and edges between nodes (through their first events).
    reps = [members[0] for members in nodes]
    edges = []
    for p, q in _candidate_pairs([fs[r] for r in reps], config):
        v = verdict(reps[p], reps[q])
        if v.same:
            edges.append((-v.score, ids[reps[p]], ids[reps[q]], p, q))
    edges.sort()

    # 3. Complete linkage over nodes: every pair of codings must pass, no article twice.
    cluster_of = list(range(len(nodes)))
    members: dict[int, list[int]] = {n: [n] for n in range(len(nodes))}
    articles: dict[int, set[str]] = dict(enumerate(node_articles))
    for _, _, _, p, q in edges:
        cp, cq = cluster_of[p], cluster_of[q]
        if cp == cq or not articles[cp].isdisjoint(articles[cq]):
            continue
        if not all(verdict(reps[x], reps[y]).same for x in members[cp] for y in members[cq]):
            continue
        keep, gone = min(cp, cq), max(cp, cq)
        reasons[keep] += reasons.pop(gone)
        reasons[keep].append(f"{ids[reps[p]]} = {ids[reps[q]]}: {verdict(reps[p], reps[q]).explain()}")
        for x in members[gone]:
            cluster_of[x] = keep
        members[keep] += members.pop(gone)
        articles[keep] |= articles.pop(gone)

    result = []
    for root, node_list in members.items():
        group = [events[i] for i in sorted(i for n in node_list for i in nodes[n])]
        result.append(_canonical(group, reasons[root], outlets or {}))
    result.sort(key=lambda c: (event_interval(c.event.event_date)[0] or dt.date.max, c.id))
    return result


def _named(name: str | None) -> bool:
    return bool(name) and not fold_name(name).startswith(("unidentified", "unknown"))


def _canonical(group: list[Event], reasons: list[str], outlets: Mapping[str, str]) -> CanonicalEvent:
    ids = [e.event_id or "" for e in group]
    cid = "c" + ids[0][1:] if ids[0] else "c"
    article_ids = list(dict.fromkeys(e.article_id for e in group if e.article_id))
    if len(group) == 1:
        event = replace(group[0], event_id=cid, sources=_sources(group, outlets))
        return CanonicalEvent(cid, event, ids, article_ids, [])

    by_conf = sorted(group, key=lambda e: (-e.confidence, e.event_id or ""))
    place = min(group, key=lambda e: (_level(e), e.latitude is None, -(e.confidence or 0), e.event_id or ""))
    date = min(group, key=lambda e: (not is_day_precise(e.event_date, e.time_precision),
                                     -len(e.event_date or ""), e.time_precision or 9, e.event_date or ""))
    codings = Counter((e.event_type, e.sub_event_type) for e in group)
    (etype, subtype), _ = min(codings.items(), key=lambda kv: (-kv[1], -max(
        e.confidence for e in group if (e.event_type, e.sub_event_type) == kv[0]), kv[0]))
    typed = next(e for e in by_conf if (e.event_type, e.sub_event_type) == (etype, subtype))
    a1 = next((e for e in by_conf if _named(e.actor1)), typed)
    a2 = next((e for e in by_conf if _named(e.actor2)), typed)
    event = replace(
        place,
        event_type=etype, sub_event_type=subtype, disorder_type=typed.disorder_type,
        event_date=date.event_date, time_precision=date.time_precision,
        actor1=a1.actor1, actor1_ar=a1.actor1_ar, inter1=a1.inter1,
        actor2=a2.actor2, actor2_ar=a2.actor2_ar, inter2=a2.inter2,
        assoc_actor_1=_join(e.assoc_actor_1 for e in group), assoc_actor_2=_join(e.assoc_actor_2 for e in group),
        interaction=typed.interaction if a1 is a2 is typed else None,
        civilian_targeting=next((e.civilian_targeting for e in group if e.civilian_targeting), None),
        role="primary" if any(e.role == "primary" for e in group) else group[0].role,
        status="occurred" if any(e.status == "occurred" for e in group) else by_conf[0].status,
        sources=_sources(group, outlets),
        tags=list(dict.fromkeys(t for e in group for t in e.tags)),
        confidence=max(e.confidence for e in group),
        unlocated=all(e.unlocated for e in group),
        event_id=cid,
        notes=typed.notes or place.notes,
        **_lowest_credible(group),
    )
    return CanonicalEvent(cid, event, ids, article_ids, list(reasons))


def _lowest_credible(group: list[Event]) -> dict:
    """ACLED's rule: with conflicting reports, the lowest figure; 0 means "not reported" when another
    report gives a number, and figures from perpetrators' claims count only when nothing else does."""
    reported = [e for e in group if e.fatalities and e.fatalities > 0]
    credible = [e for e in reported if e.status != "claimed"] or reported
    best = min(credible, key=lambda e: (e.fatalities, e.event_id or "")) if credible else None
    out = {"fatalities": best.fatalities if best else 0,
           "fatalities_qualifier": best.fatalities_qualifier if best else None}
    for name in ("injuries", "arrests"):
        figures = [getattr(e, name) for e in group if getattr(e, name)]
        out[name] = min(figures) if figures else None
    return out


def _join(values: Iterable[str | None]) -> str | None:
    parts = list(dict.fromkeys(p.strip() for v in values if v for p in v.split(";") if p.strip()))
    return "; ".join(parts) or None


def _sources(group: list[Event], outlets: Mapping[str, str]) -> list[str]:
    names = [outlets.get(e.article_id or "") for e in group] + [s for e in group for s in e.sources]
    return list(dict.fromkeys(n for n in names if n))
