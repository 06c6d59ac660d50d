"""JSON Lines: one event per line, every field of :class:`marsad.Event` (plus extras when given)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from marsad.events.model import Event


def write_jsonl(events: Iterable[Event], out: TextIO, extras: dict[str, dict[str, Any]] | None = None) -> int:
    """Write one JSON object per event; ``extras`` maps event ids to fields added to their line."""
    n = 0
    for event in events:
        data = event.to_dict()
        if extras and event.event_id in extras:
            data.update(extras[event.event_id])
        out.write(json.dumps(data, ensure_ascii=False) + "\n")
        n += 1
    return n
