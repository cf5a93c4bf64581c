"""Short answers compared as people mean them: case, spacing, accents and end punctuation aside."""
import re
import unicodedata

# Letters that do not decompose into a base letter and an accent.
FOLDED_LETTERS = str.maketrans({"ı": "i", "ß": "ss", "ø": "o", "đ": "d", "ł": "l", "æ": "ae",
                                "œ": "oe"})
EDGE_PUNCTUATION = ".,;:!?¡¿\"'«»„“”‘’()[] "


def normalise(text):
    """"  Città  di  BOLOGNA. " -> "citta di bologna"; Turkish dotless ı counts as i."""
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = bare.translate(FOLDED_LETTERS)
    return re.sub(r"\s+", " ", folded).strip(EDGE_PUNCTUATION)


def matches(given, accepted):
    """True when the answer given equals one of the accepted answers once normalised."""
    wanted = normalise(given)
    return bool(wanted) and any(wanted == normalise(answer) for answer in accepted)
