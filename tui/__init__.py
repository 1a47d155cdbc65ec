"""Parallax's terminal side: the command line and the Textual reader (imported lazily)."""
