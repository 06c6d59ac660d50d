"""The Arabic text layer: normalisation, tokens, sentences, numbers and dates."""
