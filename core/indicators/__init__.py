"""Indicators: the catalogue of standard quantities, the figure → indicator mapping and the
body × indicator summary across reports and years (pure Python, no Qt)."""
from core.indicators.catalog import Indicator, default_catalog
from core.indicators.mapping import Mapping, map_extraction, map_figures

__all__ = ["Indicator", "default_catalog", "Mapping", "map_extraction", "map_figures"]
