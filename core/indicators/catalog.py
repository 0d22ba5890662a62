"""The indicator catalogue: the standard quantities a supervisor tallies across reports.

The default catalogue ships as ``resources/indicators/catalog.json`` (45 indicators: id, Chinese
column name, 纲要 area, unit, kind, definition, cue phrases, aggregation). The review database keeps
an editable copy seeded from it (``core.store.indicators``); this module only reads the file and
describes one indicator.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache

KINDS = ("count", "rate", "money", "people")
# How a column totals across bodies: sum; mean of per-body rates; none (case-based rates, which
# must be recomputed from case counts, never averaged or summed).
AGGREGATES = ("sum", "mean", "none")
AREAS = ("组织领导", "政府机构职能", "依法行政制度", "行政决策", "行政执法", "突发事件应对",
         "矛盾纠纷化解", "权力制约监督", "数字法治政府", "党的领导与推进机制")


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    area: str
    unit: str
    kind: str
    aggregate: str
    definition: str = ""
    cues: tuple[str, ...] = field(default_factory=tuple)
    retired: bool = False

    @property
    def summable(self) -> bool:
        """May a 合计 row add this column up? Only ``sum`` columns, never a rate."""
        return self.aggregate == "sum" and self.kind != "rate"

    def header(self) -> str:
        """Column header with the unit, as the summary and the export print it."""
        return f"{self.name}（{self.unit}）" if self.unit else self.name

    @classmethod
    def from_dict(cls, d: dict) -> Indicator:
        return cls(id=str(d["id"]), name=str(d["name"]), area=str(d.get("area", "")),
                   unit=str(d.get("unit", "")), kind=str(d.get("kind", "count")),
                   aggregate=str(d.get("aggregate", "sum")),
                   definition=str(d.get("definition", "")),
                   cues=tuple(str(c) for c in d.get("cues", ())),
                   retired=bool(d.get("retired", False)))

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "area": self.area, "unit": self.unit,
                "kind": self.kind, "aggregate": self.aggregate, "definition": self.definition,
                "cues": list(self.cues), "retired": self.retired}


@lru_cache(maxsize=1)
def default_catalog() -> tuple[Indicator, ...]:
    """The shipped catalogue, in its file order (the column order of the summary)."""
    from core.paths import resource

    data = json.loads(resource("indicators", "catalog.json").read_text(encoding="utf-8"))
    return tuple(Indicator.from_dict(d) for d in data)


def by_id(catalog) -> dict[str, Indicator]:
    return {ind.id: ind for ind in catalog}
