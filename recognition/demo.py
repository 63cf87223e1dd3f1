"""Demo data of the recognition area (filled in below)."""
