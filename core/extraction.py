"""What detection finds in a document: metadata, sections, figures (the `extract --json` schema)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

# Required-part kinds, in the order the 督察工作规定 lists them; "other" is never required.
PART_KINDS = ("measures", "shortcomings", "leader_duty", "plan")
PART_LABELS = {
    "measures": "主要举措和成效",
    "shortcomings": "存在的不足和原因",
    "leader_duty": "第一责任人职责",
    "plan": "下一年度主要安排",
    "other": "其他",
}


@dataclass
class Meta:
    org: str | None = None  # reporting body as written
    year: int | None = None  # the work year the report covers
    published: str | None = None  # ISO date of publication / signing
    doc_number: str | None = None  # 发文字号, e.g. 兰民字〔2024〕8号
    title: str | None = None


@dataclass
class Section:
    level: int
    marker: str
    title: str
    start: int  # offset of the marker (or of the title when there is no marker)
    end: int  # offset after the title
    kind: str | None = None  # PART_KINDS / "other" on level 1 (and leader-duty level 2), else None


@dataclass
class Figure:
    start: int
    end: int
    text: str  # == document text[start:end]
    value: float | int
    unit: str
    qualifier: str | None = None
    subject: str = ""
    section: int | None = None  # index into Extraction.sections of the innermost enclosing section
    indicator: str | None = None  # catalogue id the figure measures (core.indicators), or None


@dataclass
class Extraction:
    source: str
    format: str
    text: str
    meta: Meta = field(default_factory=Meta)
    sections: list[Section] = field(default_factory=list)
    missing_parts: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # core.checks.Check findings, run by core.analysis after detection; ``extract --json`` adds them
    checks: list = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "format": self.format,
            "text": self.text,
            "meta": asdict(self.meta),
            "sections": [asdict(s) for s in self.sections],
            "missing_parts": list(self.missing_parts),
            "figures": [asdict(f) for f in self.figures],
            "warnings": list(self.warnings),
        }
