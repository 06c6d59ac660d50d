"""Bounded per-key memos for the scanners (a word's analysis depends on its key alone)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def fill_memo(memo: dict[K, V], keys: Iterable[K], compute: Callable[[K], V], limit: int) -> dict[K, V]:
    """The value of every key, computing the keys ``memo`` lacks and remembering them.

    Scanners read ``memo`` directly and call this only when a key is missing. The answer is a local
    table, so a memo cleared meanwhile by another thread (when it reaches ``limit`` keys) cannot
    make a look-up fail.
    """
    table: dict[K, V] = {}
    for k in set(keys):
        v = memo.get(k)
        table[k] = compute(k) if v is None else v
    if len(memo) + len(table) > limit:
        memo.clear()
    memo.update(table)
    return table
