"""Pure domain: table models, enums and rules. No Qt, no I/O."""
