"""Event dates as day intervals: ``2025-08-22`` is one day, ``2025-08`` a month, ``2025`` a year."""

from __future__ import annotations

import calendar
import datetime as dt


def event_interval(event_date: str | None) -> tuple[dt.date, dt.date] | tuple[None, None]:
    """First and last day an ``event_date`` (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) can mean."""
    if not event_date:
        return (None, None)
    parts = event_date.strip().split("-")
    try:
        nums = [int(p) for p in parts]
        if len(nums) == 3:
            day = dt.date(*nums)
            return (day, day)
        if len(nums) == 2:
            year, month = nums
            return (dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]))
        if len(nums) == 1:
            return (dt.date(nums[0], 1, 1), dt.date(nums[0], 12, 31))
    except ValueError:
        pass
    return (None, None)


def is_day_precise(event_date: str | None, time_precision: int | None) -> bool:
    """A single known day (``YYYY-MM-DD`` with time precision 1)."""
    return bool(event_date) and len(event_date) == 10 and (time_precision or 1) == 1
