"""What a worker keeps in its memory, bounded by a setting, not by the number of organizations.

A deployment may serve thousands of sites, and each worker would otherwise keep something for
every site it has ever served (its pages, host names, settings, menus, the counter block). A
``Bounded`` store keeps at most as many entries as a setting says and drops the least recently
used first, so a worker serving ten sites or ten thousand uses the same memory at most.
"""

import threading
from collections import OrderedDict

from django.conf import settings


class Bounded:
    """A dictionary of at most as many entries as the setting ``setting_name`` says; reading an
    entry makes it the most recently used, and adding one past the bound drops the least
    recently used. Thread-safe: a worker serves requests in several threads."""

    def __init__(self, setting_name):
        self.setting_name = setting_name
        self._entries = OrderedDict()
        self._lock = threading.Lock()

    @property
    def max_entries(self):
        return getattr(settings, self.setting_name)

    def get(self, key, default=None):
        with self._lock:
            try:
                self._entries.move_to_end(key)
            except KeyError:
                return default
            return self._entries[key]

    def set(self, key, value):
        bound = self.max_entries
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > bound:
                self._entries.popitem(last=False)

    def clear(self):
        with self._lock:
            self._entries.clear()

    def __len__(self):
        return len(self._entries)
