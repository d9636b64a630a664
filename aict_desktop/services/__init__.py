"""Services: one module per area, each over a ``Store``; no Qt here."""
