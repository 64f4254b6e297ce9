"""SL9xx: problems with the input itself."""
