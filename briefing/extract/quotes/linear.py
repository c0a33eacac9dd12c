"""A logistic regression as the quotation models ship it: a bias and one weight per feature name.

Both learned models of the quotes stage (the confidence of an attribution, :mod:`.confidence`; speech or
title, :mod:`.quoted_speech`) are such regressions, trained by scripts under ``scripts/`` and read here in
pure Python from their JSON form.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import repeat
from operator import mul


@dataclass(frozen=True)
class LinearModel:
    """A logistic regression: bias and one weight per feature name."""

    bias: float
    weights: dict[str, float]

    def probability(self, feats: dict[str, float]) -> float:
        # (the weighted sum in the features' order, mapped in C: the same float as a loop over the items)
        z = self.bias + sum(map(mul, map(self.weights.get, feats, repeat(0.0)), feats.values()))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def from_json(cls, d: dict) -> LinearModel:
        """From ``{"bias": ..., "weights": {...}}`` (KeyError, TypeError or ValueError when malformed)."""
        return cls(float(d["bias"]), {str(k): float(v) for k, v in d["weights"].items()})

    def to_json(self) -> dict:
        """The JSON form: rounded, sorted, zero weights left out (they weigh nothing)."""
        return {"bias": round(self.bias, 6), "weights": {k: round(v, 6) for k, v in sorted(self.weights.items()) if v}}
