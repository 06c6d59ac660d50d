from marsad.text.memo import fill_memo


def test_fill_memo_computes_missing_keys_once_and_keeps_known_falsy_values():
    calls = []

    def compute(key):
        calls.append(key)
        return len(key) > 3

    memo = {"في": False}
    table = fill_memo(memo, ["في", "الميادين", "الميادين", "دمشق"], compute, limit=100)
    assert table == {"في": False, "الميادين": True, "دمشق": True}
    assert sorted(calls) == ["الميادين", "دمشق"]  # "في" was known (False is a value, not a miss)
    assert memo == table


def test_fill_memo_starts_over_when_full():
    memo = {str(i): i for i in range(10)}
    table = fill_memo(memo, ["a", "b"], lambda k: k * 2, limit=11)
    assert table == {"a": "aa", "b": "bb"}
    assert memo == table
