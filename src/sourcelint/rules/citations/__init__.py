"""SL1xx: citation markers, reference entries and credit lines."""
