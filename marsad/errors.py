"""Errors marsad raises on bad input; the CLI turns them into one readable line."""


class MarsadError(Exception):
    """Bad input or configuration the user can fix (shown without a traceback)."""


class InputError(MarsadError):
    """An input file, argument or record that cannot be read or understood."""
