"""One palette for every chart: calm neutrals, one accent per meaning, colour-blind safe
(Okabe-Ito hues), so that the dashboard reads as one thing."""

from __future__ import annotations

INK = "#2B2B2B"  # titles and labels
MUTED = "#6B6B6B"  # axis labels, notes
GRID = "#E6E6E6"
BACKGROUND = "#FFFFFF"

PRIMARY = "#0072B2"  # the main series (turnover, value expiring)
SECONDARY = "#9DB9D3"  # the supporting series (inventory value bars)
GOOD_BAND = "#009E73"  # the healthy band, drawn light
WARN = "#E69F00"
BAD = "#D55E00"  # expired, dead

ABC = {"A": "#0072B2", "B": "#56B4E9", "C": "#C7C7C7"}

# Ageing buckets, young to old: cool to warm.
AGEING = ("#4E9A6B", "#A8C686", "#F2C14E", "#F08A4B", "#C8553D")

BAND_ALPHA = 0.12
