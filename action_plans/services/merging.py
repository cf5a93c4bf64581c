"""Merging a save made from an older version of a record with what was stored since.

A save compares, field by field, the version the editor started from (base), what is stored
now (current) and what they submitted. A field only one side changed takes that side's value;
a field both changed to the same value takes it; a long text both changed is merged three-way
(merge3, the merge of Bazaar and Breezy) over sentences, line breaks and paragraphs, so edits
to different sentences of one paragraph both stay. Line endings count as "\\n" everywhere, so a
browser's "\\r\\n" is no change.

What cannot be merged (one sentence rewritten twice, a short field, number, date or list set
to two different values) becomes a Conflict that carries base, current and submitted values
verbatim, and the merged values keep the current value until the editor chooses: nothing
submitted is dropped here, it is either in the values or in a conflict.
"""
import difflib
import re
from dataclasses import dataclass

from merge3 import Merge3

_WHITESPACE = re.compile(r"\s+")
_SENTENCE_ENDS = ".!?…。！？؟۔"
_CLOSERS = "\"'”’»)]"
_WORDS = re.compile(r"\S+\s*|\s+")


@dataclass(frozen=True)
class Conflict:
    """A field both sides changed in ways that do not merge; the editor resolves it.

    merged_text stays None for texts too: merge3's text with conflict markers is no page's to
    show; the page shows both texts, and hunks() where they differ.
    """
    field: str
    base: object
    current: object
    submitted: object
    merged_text: str | None = None

    def hunks(self) -> list[tuple[str, list, list, list]]:
        """(kind, base_units, current_units, submitted_units) groups, in text order.

        kind is merge3's: 'unchanged', 'same' (both changed alike), 'a' (only current
        changed), 'b' (only submitted changed) or 'conflict'. Units are sentences, the
        spaces and line breaks between them, and paragraph breaks; joined, each column gives
        back its whole text (with "\\n" line endings). A value that is not text is one
        conflicting group.
        """
        values = (self.base, self.current, self.submitted)
        if not all(isinstance(value, str) for value in values):
            return [("conflict", [self.base], [self.current], [self.submitted])]
        return _hunks(*(split_units(_normalised(value)) for value in values))


@dataclass(frozen=True)
class MergeResult:
    """The values to store, the conflicts left to the editor, and the fields that change."""
    values: dict
    conflicts: tuple[Conflict, ...]
    changed: frozenset[str]

    @property
    def clean(self) -> bool:
        return not self.conflicts


def merge_fields(base: dict, current: dict, submitted: dict,
                 long_fields=frozenset()) -> MergeResult:
    """Merges a save from the version `base` into the stored `current` (dicts by field).

    A field absent from `submitted` counts as unchanged; one absent from `base` or `current`
    as None. Texts in `long_fields` are merged three-way; anything else changed on both sides
    to different values is a Conflict.
    """
    values, conflicts = {}, []
    for field in {**current, **submitted}:
        before = base.get(field)
        now = current.get(field)
        sent = submitted.get(field, before)
        value, conflict = _merge_field(field, before, now, sent, field in long_fields)
        values[field] = value
        if conflict:
            conflicts.append(conflict)
    changed = frozenset(field for field, value in values.items() if value != current.get(field))
    return MergeResult(values=values, conflicts=tuple(conflicts), changed=changed)


def _merge_field(field, base, current, submitted, is_long):
    base_n, current_n, submitted_n = (_normalised(value) for value in (base, current, submitted))
    if submitted_n == base_n or submitted_n == current_n:
        return current, None
    if current_n == base_n:
        return submitted_n, None
    if is_long and all(isinstance(value, str) for value in (base, current, submitted)):
        merged = _merge_text(base_n, current_n, submitted_n)
        if merged is not None:
            return merged, None
    return current, Conflict(field, base, current, submitted)


def _normalised(value):
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def _merge_text(base, current, submitted):
    """The three-way merge of the texts, or None where both changed the same units.

    A sentence inserted between two others touches one of them, depending on which side of it
    the space it came with is counted: the merge tries both, so an insertion conflicts only
    with an edit on both sides of it.
    """
    units = split_units(base), split_units(current), split_units(submitted)
    for matcher in (_UnitMatcher, _UnitMatcherFromTheEnd):
        groups = list(Merge3(*units, sequence_matcher=matcher).merge_groups())
        if all(group[0] != "conflict" for group in groups):
            return "".join(unit for group in groups for unit in group[1])
    return None


def split_units(text: str) -> list[str]:
    """The text cut into sentences and the whitespace between them, as separate units.

    A run of whitespace is a unit of its own when it holds a line break (a new line or a new
    paragraph) or follows a sentence's end (. ! ? … and their CJK and Arabic forms, perhaps
    behind a closing quote or bracket); other whitespace stays inside its sentence.
    ''.join(split_units(text)) == text.
    """
    units, start = [], 0
    for space in _WHITESPACE.finditer(text):
        if "\n" in space.group() or _ends_sentence(text, space.start()):
            if space.start() > start:
                units.append(text[start:space.start()])
            units.append(space.group())
            start = space.end()
    if start < len(text):
        units.append(text[start:])
    return units


def _ends_sentence(text, end):
    before = text[max(0, end - 4):end].rstrip(_CLOSERS)
    return before.endswith(tuple(_SENTENCE_ENDS))


def _hunks(base, current, submitted):
    # merge3's merge_regions, keeping all three sides of every group (merge_groups gives only
    # the side that wins), so a page can show each side of each place
    merge = Merge3(base, current, submitted, sequence_matcher=_UnitMatcher)
    groups, iz, ia, ib = [], 0, 0, 0
    for zmatch, zend, amatch, aend, bmatch, bend in merge.find_sync_regions():
        parts = base[iz:zmatch], current[ia:amatch], submitted[ib:bmatch]
        if any(parts):
            groups.append((_kind(*parts), *parts))
        if zend > zmatch:
            groups.append(("unchanged", base[zmatch:zend], current[amatch:aend],
                           submitted[bmatch:bend]))
        iz, ia, ib = zend, aend, bend
    return groups


def _kind(base, current, submitted):
    if current == submitted:
        return "same"
    if submitted == base:
        return "a"
    if current == base:
        return "b"
    return "conflict"


def diff_words(old: str, new: str) -> list[tuple[str, str]]:
    """(op, text) pairs, op 'equal', 'insert' or 'delete', from old to new word by word.

    The texts are matched sentence by sentence first, then word by word inside the sentences
    that changed, so a word never pairs with its twin in another sentence. A word carries the
    whitespace after it; neighbouring pairs of one op are joined, and a replacement is its
    deletion followed by its insertion.
    """
    old_units, new_units = split_units(old), split_units(new)
    pairs = []
    for tag, i1, i2, j1, j2 in _UnitMatcher(None, old_units, new_units).get_opcodes():
        if tag == "equal":
            _append(pairs, "equal", "".join(old_units[i1:i2]))
        else:
            _diff_changed_words("".join(old_units[i1:i2]), "".join(new_units[j1:j2]), pairs)
    return pairs


def _diff_changed_words(old, new, pairs):
    old_words, new_words = _WORDS.findall(old), _WORDS.findall(new)
    for tag, i1, i2, j1, j2 in _words_matcher(old_words, new_words).get_opcodes():
        if tag != "insert":
            _append(pairs, "equal" if tag == "equal" else "delete", "".join(old_words[i1:i2]))
        if tag in ("insert", "replace"):
            _append(pairs, "insert", "".join(new_words[j1:j2]))


def _append(pairs, op, text):
    if pairs and pairs[-1][0] == op:
        pairs[-1] = (op, pairs[-1][1] + text)
    else:
        pairs.append((op, text))


class _UnitMatcher(difflib.SequenceMatcher):
    """difflib's matcher for units, matching the sentences first and the whitespace after.

    Between every two sentences is a whitespace unit, all alike: matched together with the
    sentences, difflib spends time quadratic in their number on them (2 s for a text of
    50 KB), and its automatic junk heuristic, on from 200 items, would match them not at all.
    So the sentences (nearly all unique) are matched alone, and the units between two matched
    sentences are matched within that gap, which is short.
    """

    from_the_end = False

    def __init__(self, isjunk=None, a=(), b=()):
        super().__init__(None, a, b, autojunk=False)

    def get_matching_blocks(self):
        if self.matching_blocks is None:
            blocks = [block for block in self._blocks() if block[2]]
            self.matching_blocks = _coalesced(blocks) + [(len(self.a), len(self.b), 0)]
        return self.matching_blocks

    def _blocks(self):
        a_texts = [i for i, unit in enumerate(self.a) if not unit.isspace()]
        b_texts = [j for j, unit in enumerate(self.b) if not unit.isspace()]
        texts = _words_matcher([self.a[i] for i in a_texts], [self.b[j] for j in b_texts])
        anchors = [(a_texts[x + k], b_texts[y + k])
                   for x, y, size in texts.get_matching_blocks() for k in range(size)]
        blocks, i0, j0 = [], 0, 0
        for i, j in [*anchors, (len(self.a), len(self.b))]:
            blocks.extend(_gap_blocks(self.a, i0, i, self.b, j0, j, self.from_the_end))
            if i < len(self.a):
                blocks.append((i, j, 1))
            i0, j0 = i + 1, j + 1
        return blocks


class _UnitMatcherFromTheEnd(_UnitMatcher):
    """The same, matching the units before a matched sentence before those after one."""
    from_the_end = True


def _gap_blocks(a, i0, i1, b, j0, j1, from_the_end):
    """Matches between a[i0:i1] and b[j0:j1]: the units beside the matched sentences first.

    The space after a sentence pairs with the space after it in the other text, not with an
    inserted sentence's, which would make an insertion reach into the next sentence; with
    from_the_end, the space before the next sentence is paired first.
    """
    if from_the_end:
        tail = _common_tail(a, i0, i1, b, j0, j1)
        head = _common_head(a, i0, i1 - tail, b, j0, j1 - tail)
    else:
        head = _common_head(a, i0, i1, b, j0, j1)
        tail = _common_tail(a, i0 + head, i1, b, j0 + head, j1)
    middle = _words_matcher(a[i0 + head:i1 - tail], b[j0 + head:j1 - tail])
    return [(i0, j0, head),
            *((i0 + head + x, j0 + head + y, size) for x, y, size in middle.get_matching_blocks()),
            (i1 - tail, j1 - tail, tail)]


def _common_head(a, i0, i1, b, j0, j1):
    size = 0
    while i0 + size < i1 and j0 + size < j1 and a[i0 + size] == b[j0 + size]:
        size += 1
    return size


def _common_tail(a, i0, i1, b, j0, j1):
    size = 0
    while i1 - size > i0 and j1 - size > j0 and a[i1 - size - 1] == b[j1 - size - 1]:
        size += 1
    return size


def _words_matcher(a, b):
    # difflib's automatic junk, on from 200 items, would leave frequent words ("the ") unmatched
    return difflib.SequenceMatcher(None, a, b, autojunk=False)


def _coalesced(blocks):
    joined = []
    for i, j, size in blocks:
        if joined and joined[-1][0] + joined[-1][2] == i and joined[-1][1] + joined[-1][2] == j:
            joined[-1] = (joined[-1][0], joined[-1][1], joined[-1][2] + size)
        else:
            joined.append((i, j, size))
    return joined
