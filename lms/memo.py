"""A process's memory of things that do not change: a thread-safe map that forgets the least
recently used entries beyond a budget.

The budget is a number of entries, or, with `weigh`, a sum of sizes (bytes, say): a budget in
bytes keeps memory bounded when entries differ a hundredfold, as lesson texts do. The budget
may also be a function, read at each `put`, for a limit that settings change at run time.
"""
from collections import OrderedDict
from threading import Lock


class LRU:
    def __init__(self, budget, weigh=None):
        self.budget = budget
        self.weigh = weigh or (lambda value: 1)
        self.used = 0
        self.items = OrderedDict()
        self.lock = Lock()

    def get(self, key):
        """The value kept under `key` (now the most recently used), or None."""
        with self.lock:
            found = self.items.get(key)
            if found is not None:
                self.items.move_to_end(key)
            return found

    def put(self, key, value):
        """Keep `value` under `key`, forgetting the least recently used entries while the
        budget is exceeded (the newest entry stays, however large)."""
        size = self.weigh(value)
        with self.lock:
            old = self.items.pop(key, None)
            if old is not None:
                self.used -= self.weigh(old)
            self.items[key] = value
            self.used += size
            budget = self.budget() if callable(self.budget) else self.budget
            while self.used > budget and len(self.items) > 1:
                _key, dropped = self.items.popitem(last=False)
                self.used -= self.weigh(dropped)

    def clear(self):
        with self.lock:
            self.items.clear()
            self.used = 0

    def __len__(self):
        return len(self.items)
