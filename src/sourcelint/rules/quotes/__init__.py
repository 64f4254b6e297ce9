"""SL2xx: direct quotations."""
