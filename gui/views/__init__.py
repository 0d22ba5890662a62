"""Viewer widgets: PDF pages, text, outline/metadata bars, highlight colours."""
