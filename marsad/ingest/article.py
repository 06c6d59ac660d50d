"""The article record that ingest produces and the store keeps, and the record of a skipped item."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from marsad.ingest.fingerprint import text_hash


@dataclass(slots=True)
class Article:
    """One article as read from a source, before it is stored.

    text (str): the body, exactly as published (event evidence offsets index it).
    id (str | None): the id the source gave it (JSONL ``id``), kept as ``external_id``.
    published (str | None): ``YYYY-MM-DD`` publication date.
    origin (str): where it was read from (``path``, ``path:LINE``, feed or page URL, ``<stdin>``).
    """

    text: str
    id: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    origin: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    _hash: tuple[str, str] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def text_hash(self) -> str:
        """SHA-256 of the normalised text (cached; recomputed if ``text`` changes)."""
        if self._hash is None or self._hash[0] is not self.text:
            self._hash = (self.text, text_hash(self.text))
        return self._hash[1]


@dataclass(slots=True)
class Skipped:
    """An input item that was not ingested, and why (``kind`` is ``skipped`` or ``failed``)."""

    origin: str
    reason: str
    kind: str = "skipped"
