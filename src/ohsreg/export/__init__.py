"""Exporters at the edge: every public model in and out, personal data masked unless asked.

========================================  ==========================================================
module                                    what it does
========================================  ==========================================================
:mod:`ohsreg.export.json`                 canonical JSON, JSON Lines streamed both ways, bulk loads
:mod:`ohsreg.export.jsonschema`           one JSON Schema per public model, the public-model registry
:mod:`ohsreg.export.csv`                  flattened CSV (``a.b.0.c``), formula-injection safe
:mod:`ohsreg.export.cells`                the one spreadsheet-injection neutraliser and its exact undo
:mod:`ohsreg.export.xlsx`                 workbooks and the declaration form (extra ``excel``)
:mod:`ohsreg.export.arrow`                Arrow schemas, Parquet, result tables (extra ``arrow``)
:mod:`ohsreg.export.frame`                pandas / polars DataFrames (extra ``frame``)
:mod:`ohsreg.export.html`                 notebook tables for records, findings, assessments
:mod:`ohsreg.export.plot`                 exposure profile and noise charts (extra ``plot``)
========================================  ==========================================================

Importing this package imports none of them; ``ohsreg.load``/``ohsreg.dumps`` and friends come from
:mod:`ohsreg.export.json`.
"""
