"""HTML fpdf2 can draw: each part's sanitised HTML reduced to what fpdf2's `write_html()`
draws well (`simplify`), and the package's pictures sized for the page (`image_files`).
Pictures come from the snapshot's image files alone: `media/...` names map to `Asset.source`;
any other image becomes its text description, so nothing is fetched from the network or the
disk."""
import os
import re

from lxml import etree
from lxml import html as lxml_html
from markupsafe import escape

# drawn as pictures; other media (video, audio, documents) stay a name in the text
IMAGE_TYPES = {"image/png", "image/jpeg", "image/gif"}
MM_PER_PX = 25.4 / 96
# what write_html draws; anything else keeps its text only
KEEP = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "ul", "ol", "li", "b", "strong",
        "i", "em", "u", "code", "pre", "blockquote", "a", "img", "table", "tr", "th", "td",
        "dl", "dt", "dd", "sup", "sub", "del", "s"}
BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "pre", "blockquote",
          "table", "dl", "dt", "dd", "hr", "img"}
CONTAINERS = {"div", "section", "article", "header", "footer", "nav", "figure", "figcaption",
              "aside", "main", "address", "center"}
ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt", "width", "height"}}
SPACE = re.compile(r"\s+")


def simplify(fragment, images, links_to_text=()):
    """Sanitised HTML reduced to what fpdf2's write_html draws: unknown elements keep their
    text, tables hold text cells of equal count (pictures in them follow the table), lists
    and quotes hold no tables, pictures point to asset files (else become their description),
    links to package files and anchors become text. `images` maps media names to
    (path, width in mm, height in mm)."""
    if not fragment or not fragment.strip():
        return ""
    parser = lxml_html.HTMLParser(encoding="utf-8")
    root = lxml_html.fragment_fromstring(fragment.encode("utf-8"), create_parent="div",
                                         parser=parser)
    for element in list(root.iter()):
        if not isinstance(element.tag, str):        # comments, processing instructions
            remove_keep_tail(element)
            continue
        if element is root:
            continue
        classes = (element.get("class") or "").split()
        if "prompt" in classes or "hint" in classes:   # quizzes' questions and hints
            emphasis = etree.Element("b" if "prompt" in classes else "i")
            emphasis.text, element.text = element.text, None
            for child in list(element):
                emphasis.append(child)
            element.append(emphasis)
        allowed = ATTRIBUTES.get(element.tag, set())
        for name in list(element.attrib):
            if name not in allowed:
                del element.attrib[name]
    for table in list(root.iter("table")):
        flatten_table(table)
    for element in list(root.iter()):
        if element is root or not isinstance(element.tag, str):
            continue
        if element.tag == "img":
            picture(element, images)
        elif element.tag == "a":
            href = (element.get("href") or "").strip()
            if not href or href.startswith("#") or href in links_to_text or \
                    not re.match(r"^(https?|mailto):", href, re.I):
                element.drop_tag()
        elif element.tag not in KEEP:
            if element.tag in CONTAINERS and not any(
                    isinstance(child.tag, str) and child.tag in BLOCKS for child in element):
                element.tag = "p"       # a box of text stays a paragraph
            else:
                element.drop_tag()
    # tables inside lists, quotes or paragraphs break the layout: they move to the top level
    for table in list(root.iter("table")):
        outer = table
        while outer.getparent() is not root:
            outer = outer.getparent()
        if outer is not table:
            move_after(table, outer)
    # a list item's paragraphs become lines, so its number or bullet stays beside the text
    for item in root.iter("li"):
        for paragraph in [child for child in item if child.tag == "p"]:
            if paragraph.getnext() is not None or (paragraph.tail or "").strip():
                paragraph.append(etree.Element("br"))
            paragraph.drop_tag()
    for pre in root.iter("pre"):       # no markup inside pre: its text only
        text = pre.text_content()
        for child in list(pre):
            pre.remove(child)
        pre.text = text
    text = escape(root.text or "")
    return str(text) + "".join(etree.tostring(child, method="html", encoding="unicode")
                               for child in root)


def remove_keep_tail(element):
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def move_after(element, anchor):
    """Take `element` out of where it is (its tail stays) and put it after `anchor`."""
    tail, element.tail = element.tail, None
    parent = element.getparent()
    previous = element.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)
    anchor.addnext(element)


def flatten_table(table):
    """A table of plain-text cells, every row as wide as the widest; pictures in cells go
    after the table; an empty table goes away. Nested tables become their cells' text."""
    if table.getparent() is None or any(True for _ in table.iterancestors("table")):
        return
    rows, pictures = [], []
    for row in table.iter("tr"):
        if next(row.iterancestors("table")) is not table:
            continue
        cells = []
        for cell in row:
            if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                continue
            for img in list(cell.iter("img")):
                pictures.append(img)
                remove_keep_tail(img)
            cells.append((cell.tag, SPACE.sub(" ", " ".join(cell.itertext())).strip()))
        if cells:
            rows.append(cells)
    width = max((len(cells) for cells in rows), default=0)
    parent = table.getparent()
    if width:
        new = etree.Element("table")
        new.set("border", "1")
        new.set("cellpadding", "1.2")
        for cells in rows:
            tr = etree.SubElement(new, "tr")
            for tag, text in cells + [("td", "")] * (width - len(cells)):
                etree.SubElement(tr, tag).text = text or " "
        new.tail = table.tail
        parent.replace(table, new)
        anchor = new
    else:
        anchor = table.getprevious()
        remove_keep_tail(table)
    for img in pictures:
        paragraph = etree.Element("p")
        paragraph.append(img)
        img.tail = None
        if anchor is None:
            parent.insert(0, paragraph)
        else:
            anchor.addnext(paragraph)
        anchor = paragraph


def picture(img, images):
    """An <img> of the package drawn at its size (at most the page's width); any other one
    becomes its description in brackets."""
    found = images.get((img.get("src") or "").strip())
    alt = SPACE.sub(" ", img.get("alt") or "").strip()
    if found is None:
        if alt:
            span = etree.Element("i")
            span.text = f"[{alt}]"
            span.tail = img.tail
            img.getparent().replace(img, span)
        else:
            remove_keep_tail(img)
        return
    path, width, height = found
    for name in list(img.attrib):
        del img.attrib[name]
    img.set("src", path)
    # write_html reads width/height in points
    img.set("width", f"{width * 72 / 25.4:.2f}")
    img.set("height", f"{height * 72 / 25.4:.2f}")
    parent = img.getparent()
    if parent is not None and parent.tag not in ("p", "li", "td", "th", "dd", "blockquote"):
        paragraph = etree.Element("p")
        parent.replace(img, paragraph)
        paragraph.append(img)
        paragraph.tail, img.tail = img.tail, None


def image_files(snapshot, max_width, max_height):
    """{media name: (path, width mm, height mm)} for the package's pictures, sized at 96 dpi
    and no larger than `max_width` x `max_height`; a picture that does not decode is left out
    (its description stands for it)."""
    # imported on first use: fpdf2 (with fontTools, Pillow) takes ~0.4 s to import
    from PIL import Image

    found = {}
    for asset in snapshot.assets:
        if asset.media_type not in IMAGE_TYPES:
            continue
        try:
            with Image.open(asset.source) as image:
                width, height = image.size
                image.load()    # a picture that cannot be decoded would break the page
        except (OSError, ValueError, SyntaxError):
            continue            # not a readable picture: its description stands for it
        width_mm, height_mm = width * MM_PER_PX, height * MM_PER_PX
        if width_mm > max_width:
            height_mm, width_mm = height_mm * max_width / width_mm, max_width
        if height_mm > max_height:
            width_mm, height_mm = width_mm * max_height / height_mm, max_height
        found[asset.name] = (os.path.abspath(asset.source), width_mm, height_mm)
    return found
