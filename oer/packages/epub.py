"""The EPUB 3 e-book (`.epub`): mimetype (first, stored), META-INF/container.xml, and under
OEBPS/ the package document, nav.xhtml, a title page, one XHTML page per part, the answers,
the attribution as the last page, style.css and the assets under media/."""
from flask_babel import gettext as _
from markupsafe import Markup

from oer.packages import content, website
from oer.packages.archive import Archive, check_assets

CONTAINER = ('<?xml version="1.0" encoding="UTF-8"?>\n'
             '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
             '<rootfiles><rootfile full-path="OEBPS/package.opf" '
             'media-type="application/oebps-package+xml"/></rootfiles></container>\n')


def media_links(assets):
    """Links to audio and video become players, links to other files plain text: an e-book
    may only link to its own pages."""
    types = {asset.name: asset.media_type for asset in assets}

    def adjust(element):
        if element.tag != "a" or element.get("href") not in types:
            return
        media_type = types[element.get("href")]
        href = element.attrib.pop("href")
        for name in list(element.attrib):
            del element.attrib[name]
        if media_type.startswith(("audio/", "video/")):
            element.tag = media_type.split("/")[0]
            element.set("controls", "controls")
            element.set("src", href)
        else:
            element.tag = "span"
    return adjust


def nav_document(snapshot, flat, top, extra):
    def items(entries):
        return Markup("").join(Markup('<li><a href="{0}.xhtml">{1}</a>{2}</li>').format(
            entry.name, entry.part.title,
            Markup("<ol>{0}</ol>").format(items(entry.children)) if entry.children else "")
            for entry in entries)
    body = Markup('<nav epub:type="toc" id="toc"><h1>{0}</h1><ol>'
                  '<li><a href="index.xhtml">{1}</a></li>{2}{3}</ol></nav>').format(
        _("Contents"), snapshot.title, items(top),
        Markup("").join(Markup('<li><a href="{0}">{1}</a></li>').format(*pair)
                        for pair in extra))
    return str(Markup(website.XHTML_HEAD).format(snapshot.language) + Markup(
        '<head><meta charset="utf-8"/><title>{0}</title><link rel="stylesheet" '
        'href="style.css"/></head><body>{1}</body></html>\n').format(_("Contents"), body))


def package_document(snapshot, context, page_names):
    licence_text = content.attribution_sentence(snapshot, context)
    creators = Markup("").join(Markup('<dc:creator id="creator-{0}">{1}</dc:creator>').format(
        n, name) for n, name in enumerate(snapshot.authors + snapshot.organisations, 1))
    subjects = Markup("").join(Markup("<dc:subject>{0}</dc:subject>").format(k)
                               for k in snapshot.keywords)
    metadata = Markup(
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        '<dc:identifier id="uid">{0}</dc:identifier><dc:title>{1}</dc:title>'
        '<dc:language>{2}</dc:language>{3}<dc:description>{4}</dc:description>{5}'
        '<dc:source>{6}</dc:source><dc:rights>{7}</dc:rights><dc:date>{8}</dc:date>'
        '<meta property="dcterms:modified">{8}</meta>{9}</metadata>').format(
        context.landing_url, snapshot.title, snapshot.language, creators, snapshot.description,
        subjects, snapshot.source_url, licence_text,
        context.published_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        Markup('<meta name="cover" content="asset-{0}"/>').format(
            asset_ids(snapshot)[snapshot.cover]) if snapshot.cover else "")
    items = [Markup('<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" '
                    'properties="nav"/><item id="style" href="style.css" media-type="text/css"/>')]
    ids = asset_ids(snapshot)
    for n, name in enumerate(page_names):
        items.append(Markup('<item id="page-{0}" href="{1}" media-type="application/xhtml+xml"/>'
                            ).format(n, name))
    for asset in sorted(snapshot.assets, key=lambda a: a.name):
        items.append(Markup('<item id="asset-{0}" href="{1}" media-type="{2}"{3}/>').format(
            ids[asset.name], asset.name, asset.media_type,
            Markup(' properties="cover-image"') if asset.name == snapshot.cover else ""))
    spine = Markup("").join(Markup('<itemref idref="page-{0}"/>').format(n)
                            for n in range(len(page_names)))
    return str(Markup(
        '<?xml version="1.0" encoding="UTF-8"?>\n<package xmlns="http://www.idpf.org/2007/opf" '
        'version="3.0" unique-identifier="uid" xml:lang="{0}">{1}<manifest>{2}</manifest>'
        '<spine>{3}</spine></package>\n').format(snapshot.language, metadata,
                                                Markup("").join(items), spine))


def asset_ids(snapshot):
    return {asset.name: n for n, asset in
            enumerate(sorted(snapshot.assets, key=lambda a: a.name), 1)}


def build(snapshot, fileobj, context):
    check_assets(snapshot)
    adjust = media_links(snapshot.assets)
    pages = website.pages(snapshot, context, suffix=".xhtml", xml=True,
                          html_of=lambda part: content.xhtml(
                              part.html, adjust, content.scope_of(part)), scoped=True)
    flat, top = content.entries(snapshot)
    extra = [(name, title) for name, title in (
        ("answers.xhtml", _("Answers and feedback")), ("about.xhtml", _("About this resource")))
        if name in dict(pages)]
    with Archive(fileobj, context.published_at) as archive:
        archive.text("mimetype", "application/epub+zip", compress=False)
        archive.text("META-INF/container.xml", CONTAINER)
        archive.text("OEBPS/package.opf", package_document(
            snapshot, context, [name for name, _text in pages]))
        archive.text("OEBPS/nav.xhtml", nav_document(snapshot, flat, top, extra))
        for name, text in pages:
            archive.text("OEBPS/" + name, text)
        archive.text("OEBPS/style.css", website.stylesheet())
        archive.assets(snapshot, prefix="OEBPS/")
