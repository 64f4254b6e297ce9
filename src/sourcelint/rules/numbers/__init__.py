"""SL3xx: statistics (figures, their sources, dates and consistency)."""
