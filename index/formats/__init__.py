"""Input formats: each module turns one kind of file into raw articles."""
