"""Developer and support tools (screenshots, catalogs)."""
