"""Korean print: ReportLab renderers of plain data (no database session here)."""
