"""One QAbstractTableModel per entity (Vorta style: COL_* constants, SortRole, RowRole)."""
