"""Deduplicate across outlets: cluster events that report the same incident into canonical events.

    from marsad.dedup import cluster_events
    for canon in cluster_events(events, outlets={"a1": "SANA", "a2": "Enab Baladi"}):
        print(canon.id, canon.event.location, canon.event_ids, canon.reasons)
"""

from marsad.dedup.cluster import CanonicalEvent, cluster_events
from marsad.dedup.match import DedupConfig, Verdict, compare

__all__ = ["CanonicalEvent", "DedupConfig", "Verdict", "cluster_events", "compare"]
