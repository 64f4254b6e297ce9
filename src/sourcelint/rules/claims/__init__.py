"""SL4xx: claims (check-worthy sentences and what they rest on)."""
