"""Recognisers: find triggers, actors, casualties and attributions in a document."""
