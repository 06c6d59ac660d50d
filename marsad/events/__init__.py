"""Events: the record type and the assembly of recognised pieces into events."""
