"""The text payloads of corpus/text.toml, as the tests send them."""

import tomllib
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus" / "text.toml"


@dataclass(frozen=True)
class Payload:
    name: str
    value: str | bytes  # bytes: not UTF-8, sent as they are
    markup: str = ""  # must never come back verbatim

    @property
    def is_raw(self):
        return isinstance(self.value, bytes)

    def __str__(self):
        return self.name


def payloads():
    corpus = tomllib.loads(CORPUS.read_text(encoding="utf-8"))
    found = [
        Payload(item["name"], item["text"] * item.get("repeat", 1), item.get("markup", ""))
        for item in corpus["text"]
    ]
    found += [Payload(item["name"], bytes.fromhex(item["hex"])) for item in corpus["raw"]]
    names = [payload.name for payload in found]
    assert len(names) == len(set(names)), "two payloads of corpus/text.toml share a name"
    return found
