"""Exporters at the edge: notebook display, JSON, CSV, spreadsheets, Arrow (grows with issue #10)."""
