"""Rules: one module per rule, grouped by family; registry.py is the code table."""
