"""lms.memo.LRU: what a process keeps of things that do not change, within a budget."""
import pytest

from lms.memo import LRU

pytestmark = pytest.mark.database_independent


def test_the_least_recently_used_entries_go_first():
    memo = LRU(2)
    memo.put("a", 1)
    memo.put("b", 2)
    assert memo.get("a") == 1           # "a" is now the most recently used
    memo.put("c", 3)
    assert memo.get("b") is None and memo.get("a") == 1 and memo.get("c") == 3
    assert len(memo) == 2


def test_a_budget_in_bytes_keeps_the_newest_entry_however_large():
    memo = LRU(10, weigh=len)
    memo.put("short", "abcd")
    memo.put("other", "efgh")
    assert memo.used == 8
    memo.put("other", "efghij")         # kept again: counted once, at its new size
    assert memo.used == 10 and memo.get("short") == "abcd"
    memo.put("long", "x" * 50)
    assert memo.get("long") == "x" * 50 and len(memo) == 1 and memo.used == 50
    memo.clear()
    assert len(memo) == 0 and memo.used == 0 and memo.get("long") is None
