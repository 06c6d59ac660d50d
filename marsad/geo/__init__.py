"""Offline Arabic gazetteer and toponym resolution."""
