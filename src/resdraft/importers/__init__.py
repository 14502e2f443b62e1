"""Importers: outside documents read into the Resolution model (text.py: Markdown and plain text; docx.py: Word)."""
