"""The demo shop's calendar: Spring Festival dates, weekday patterns and seasonal demand."""

from __future__ import annotations

import datetime as dt
import math

_CNY = {  # Spring Festival (month, day)
    2018: (2, 16),
    2019: (2, 5),
    2020: (1, 25),
    2021: (2, 12),
    2022: (2, 1),
    2023: (1, 22),
    2024: (2, 10),
    2025: (1, 29),
    2026: (2, 17),
    2027: (2, 6),
    2028: (1, 26),
    2029: (2, 13),
    2030: (2, 3),
    2031: (1, 23),
    2032: (2, 11),
    2033: (1, 31),
    2034: (2, 19),
    2035: (2, 8),
}
WEEK_GROCERY = (0.92, 0.9, 0.93, 0.95, 1.05, 1.2, 1.15)
WEEK_TRADE = (1.1, 1.08, 1.05, 1.05, 1.02, 0.95, 0.75)


def _cny(year: int) -> dt.date:
    return dt.date(year, *_CNY.get(year, (2, 5)))


def season(profile: str, day: dt.date) -> float:
    """Relative demand on ``day`` for a category's profile (before normalising)."""
    doy = day.timetuple().tm_yday
    c = _cny(day.year)
    if day > c + dt.timedelta(days=20):
        c = _cny(day.year + 1)
    to = (c - day).days
    pre = (1 - (to - 1) / 21) if 1 <= to <= 21 else 0.0  # new-year shopping ramps up
    holiday = 1.0 if -5 <= to <= 0 else 0.0  # the holiday itself is quiet

    def wave(peak: int, period: float = 365.25) -> float:
        return math.cos(2 * math.pi * (doy - peak) / period)

    if profile == "summer":
        return 1 + 0.45 * wave(200) + 0.5 * pre - 0.3 * holiday
    if profile == "festive":
        return 1 + 0.1 * wave(15) + 1.3 * pre - 0.4 * holiday
    if profile == "dairy":
        return 1 + 0.08 * wave(15) + 0.8 * pre - 0.3 * holiday
    if profile == "kitchen":
        return 1 + 0.05 * wave(15) + 0.6 * pre - 0.3 * holiday
    if profile == "home":  # the big clean before the new year
        return 1 + 0.05 * wave(100) + 0.5 * pre - 0.3 * holiday
    if profile == "build":  # spring and autumn works; trades stop over the festival
        return max(0.1, 1 + 0.2 * wave(110, 182.6) - (0.6 if -12 <= to <= 3 else 0))
    if profile == "electric":
        return 1 + 0.15 * wave(10) + 0.3 * pre - 0.5 * holiday
    # school: back to school in September and after the winter break
    term = math.exp(-(((doy - 240) / 10) ** 2)) + 0.6 * math.exp(-(((doy - 56) / 10) ** 2))
    return 1 + term - 0.5 * holiday
