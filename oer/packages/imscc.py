"""The IMS Common Cartridge 1.1 (`.imscc`): imsmanifest.xml (LOM metadata, an organisation
mirroring the sections and parts), pages as web content (`<name>.html` at the root, their media
under media/ as dependencies), quizzes as QTI 1.2 assessments (`<name>/assessment.xml`),
discussions as topics (`<name>/topic.xml`), and about.html with the attribution.

The organisation is laid out the way Moodle's importer turns it into a course
(docs/packages.md): the attribution first, so that it fills Moodle's general section 0 and the
first section of the outline becomes section 1; a quiz's introduction also as a page just
before it (Moodle gives an imported quiz its title as introduction and reads nothing else).

Matching questions have no CC 1.1 profile: each pair becomes a multiple-choice item ("<prompt>:
<left side>", choosing among all right-hand sides), which every importer understands.
"""
import re

from flask_babel import gettext as _
from markupsafe import Markup

from oer.packages import content, website
from oer.packages.archive import Archive, check_assets
from oer.packages.licences import package_licence
from oer.packages.qti import assessment

NS = ('xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1" '
      'xmlns:lomimscc="http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest" '
      'xmlns:lom="http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource" '
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
      'xsi:schemaLocation="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1 '
      'http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd '
      'http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest '
      'http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lommanifest_v1p0.xsd '
      'http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource '
      'http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lomresource_v1p0.xsd"')
TOPIC_NS = ('xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imsdt_v1p1" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:schemaLocation="http://www.imsglobal.org/xsd/imsccv1p1/imsdt_v1p1 '
            'http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imsdt_v1p1.xsd"')
QTI_TYPE = "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"
MEDIA_REF = re.compile(r'(src|href)="(media/[^"]+)"')
# a reference to a file of the package: no scheme, not from the host's root, not an anchor
RELATIVE_REF = re.compile(r'(src|href)="(?![A-Za-z][A-Za-z0-9+.-]*:|/|#)([^"]+)"')


def lang_string(tag, text, language):
    return Markup('<lomimscc:{0}><lomimscc:string language="{1}">{2}</lomimscc:string>'
                  '</lomimscc:{0}>').format(tag, language, text)


def vcard(name, organisation=""):
    lines = ["BEGIN:VCARD", "VERSION:3.0", "FN:" + name.replace("\n", " ")]
    if organisation:
        lines.append("ORG:" + organisation.replace("\n", " "))
    return "\n".join(lines + ["END:VCARD"])


def lom(snapshot, context):
    language = snapshot.language
    licence = package_licence(snapshot.licence)
    general = Markup(
        '<lomimscc:general><lomimscc:identifier><lomimscc:catalog>URI</lomimscc:catalog>'
        '<lomimscc:entry>{0}</lomimscc:entry></lomimscc:identifier>{1}'
        '<lomimscc:language>{2}</lomimscc:language>{3}{4}</lomimscc:general>').format(
        context.landing_url, lang_string("title", snapshot.title, language), language,
        lang_string("description", snapshot.description, language),
        Markup("").join(lang_string("keyword", k, language) for k in snapshot.keywords))
    contributors = [("author", vcard(name)) for name in snapshot.authors]
    contributors += [("content provider", vcard(name, name)) for name in snapshot.organisations]
    life_cycle = Markup("<lomimscc:lifeCycle>{0}</lomimscc:lifeCycle>").format(
        Markup("").join(Markup(
            "<lomimscc:contribute><lomimscc:role><lomimscc:value>{0}</lomimscc:value>"
            "</lomimscc:role><lomimscc:entity>{1}</lomimscc:entity><lomimscc:date>"
            "<lomimscc:dateTime>{2}</lomimscc:dateTime></lomimscc:date></lomimscc:contribute>"
        ).format(role, card, context.published_at.strftime("%Y-%m-%d"))
            for role, card in contributors)) if contributors else ""
    rights = Markup(
        "<lomimscc:rights><lomimscc:copyrightAndOtherRestrictions><lomimscc:value>yes"
        "</lomimscc:value></lomimscc:copyrightAndOtherRestrictions>{0}</lomimscc:rights>"
    ).format(lang_string("description", " ".join(filter(None, (
        licence.label, licence.url, content.attribution_sentence(snapshot, context)))),
        language))
    return Markup("<lomimscc:lom>{0}{1}{2}</lomimscc:lom>").format(general, life_cycle, rights)


class Cartridge:
    """Collects the files, resources and organisation items while walking the parts."""

    def __init__(self, snapshot, context):
        self.snapshot, self.context = snapshot, context
        self.files = []          # (name, text)
        self.footer = website.footer(snapshot, context)
        self.sentence = sentence_footer(snapshot, context)
        self.resources = []      # Markup
        self.asset_ids = {asset.name: f"R_media_{n}" for n, asset in enumerate(
            sorted(snapshot.assets, key=lambda a: a.name), 1)}
        flat, _top = content.entries(snapshot)
        self.by_id = {entry.part.id: entry for entry in flat}
        self.pages = {entry.name for entry in flat if has_page(entry.part)}

    def links(self, html):
        """Links to other parts point at their pages (at the root, as this part's page is);
        a part without a page (a discussion) keeps the link's text."""
        return content.part_links(html, self.by_id, lambda entry, anchor: (
            f"{entry.name}.html" + (f"#{anchor}" if anchor else "")
            if entry.name in self.pages else None))

    def dependencies(self, html):
        used = dict.fromkeys(self.asset_ids[name] for _attr, name in MEDIA_REF.findall(html)
                             if name in self.asset_ids)
        return Markup("").join(Markup('<dependency identifierref="{0}"/>').format(ref)
                               for ref in used)

    def web_page(self, name, title, body, identifier=None):
        href = f"{name}.html"
        text = website.page(self.snapshot, self.context, title, Markup(self.links(body)),
                            home=False, end=self.footer)
        self.files.append((href, text))
        self.resources.append(Markup(
            '<resource identifier="R_{0}" type="webcontent" href="{1}"><file href="{1}"/>'
            '<dependency identifierref="R_style"/>{2}</resource>').format(
            identifier or name, href, self.dependencies(body)))
        return f"R_{identifier or name}"

    def topic(self, name, part):
        href = f"{name}/topic.xml"
        html = filebase(self.links(part.html))
        self.files.append((href, str(Markup(
            '<?xml version="1.0" encoding="UTF-8"?>\n<topic {0}><title>{1}</title>'
            '<text texttype="text/html">{2}</text></topic>\n').format(
            Markup(TOPIC_NS), part.title, html + self.sentence))))
        self.resources.append(Markup(
            '<resource identifier="R_{0}" type="imsdt_xmlv1p1"><file href="{1}"/>{2}</resource>'
        ).format(name, href, self.dependencies(part.html)))
        return f"R_{name}"

    def quiz(self, name, part):
        href = f"{name}/assessment.xml"
        self.files.append((href, assessment(
            part, name, filebase(self.links(part.html)) + self.sentence)))
        self.resources.append(Markup(
            '<resource identifier="R_{0}" type="{1}"><file href="{2}"/>{3}</resource>').format(
            name, QTI_TYPE, href, self.dependencies(part.html)))
        return f"R_{name}"

    def quiz_introduction(self, name, part):
        """The quiz's introduction and pass mark as a page of its own, just before the quiz."""
        pass_mark = Markup("<p>{0}</p>").format(
            _("Pass mark: %(mark)s %%", mark=part.pass_mark)) if part.pass_mark else ""
        title = _("%(quiz)s – instructions", quiz=part.title)
        ref = self.web_page(name, title, Markup(part.html) + pass_mark, f"{name}_intro")
        return leaf(f"{name}_intro", ref, title)

    def item(self, entry):
        part, name = entry.part, entry.name
        if part.kind == "section":
            children = [self.item(child) for child in entry.children]
            if part.html.strip():
                ref = self.web_page(name, part.title, Markup(part.html))
                children.insert(0, leaf(f"{name}_intro", ref, part.title))
            return Markup('<item identifier="I_{0}"><title>{1}</title>{2}</item>').format(
                name, part.title, Markup("").join(children))
        if part.kind == "discussion":
            return leaf(name, self.topic(name, part), part.title)
        if part.kind == "quiz" and part.questions:
            quiz = leaf(name, self.quiz(name, part), part.title)
            if name in self.pages:
                return self.quiz_introduction(name, part) + quiz
            return quiz
        return leaf(name, self.web_page(name, part.title, Markup(part.html)), part.title)


def has_page(part):
    """Whether a part gets a web page of its own (`<name>.html`) in the cartridge."""
    if part.kind == "discussion":
        return False
    if part.kind == "section" or part.kind == "quiz" and part.questions:
        return bool(part.html.strip())
    return True


def leaf(name, ref, title):
    return Markup('<item identifier="I_{0}" identifierref="{1}"><title>{2}</title></item>'
                  ).format(name, ref, title)


def filebase(html):
    """Topics and assessments sit in folders of their own: the files they use are addressed
    from there, as `$IMS-CC-FILEBASE$../<path>` ($IMS-CC-FILEBASE$ standing for the XML file's
    folder, as Moodle's importer resolves it and its export writes it)."""
    return RELATIVE_REF.sub(lambda m: f'{m.group(1)}="$IMS-CC-FILEBASE$../{m.group(2)}"', html)


def sentence_footer(snapshot, context):
    return str(Markup("<hr/><p><small>{0}</small></p>").format(
        content.attribution_sentence(snapshot, context)))


def manifest(snapshot, context, cartridge, items):
    media = Markup("").join(Markup(
        '<resource identifier="{0}" type="webcontent"><file href="{1}"/></resource>').format(
        cartridge.asset_ids[asset.name], asset.name)
        for asset in sorted(snapshot.assets, key=lambda a: a.name))
    return str(Markup(
        '<?xml version="1.0" encoding="UTF-8"?>\n<manifest identifier="M_{0}" {1}><metadata>'
        '<schema>IMS Common Cartridge</schema><schemaversion>1.1.0</schemaversion>{2}'
        '</metadata><organizations><organization identifier="O_1" '
        'structure="rooted-hierarchy"><item identifier="I_root">{3}</item></organization>'
        '</organizations><resources>{4}<resource identifier="R_style" type="webcontent">'
        '<file href="style.css"/></resource>{5}</resources></manifest>\n').format(
        content.SAFE_NAME.sub("_", context.slug), Markup(NS), lom(snapshot, context),
        Markup("").join(items), Markup("").join(cartridge.resources), media))


def build(snapshot, fileobj, context):
    check_assets(snapshot)
    cartridge = Cartridge(snapshot, context)
    _flat, top = content.entries(snapshot)
    about = cartridge.web_page("about", _("About this resource"),
                               content.attribution(snapshot, context, heading=False))
    items = [leaf("about", about, _("About this resource"))]
    items += [cartridge.item(entry) for entry in top]
    with Archive(fileobj, context.published_at) as archive:
        archive.text("imsmanifest.xml", manifest(snapshot, context, cartridge, items))
        for name, text in cartridge.files:
            archive.text(name, text)
        archive.text("style.css", website.stylesheet())
        archive.assets(snapshot)

