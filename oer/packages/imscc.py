"""The IMS Common Cartridge 1.1 (`.imscc`): imsmanifest.xml (LOM metadata, an organisation
mirroring the sections and parts), pages as web content (`<name>.html` at the root, their media
under media/ as dependencies), quizzes as QTI 1.2 assessments (`<name>/assessment.xml`),
discussions as topics (`<name>/topic.xml`), and about.html with the attribution.

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

    def dependencies(self, html):
        used = dict.fromkeys(self.asset_ids[name] for _attr, name in MEDIA_REF.findall(html)
                             if name in self.asset_ids)
        return Markup("").join(Markup('<dependency identifierref="{0}"/>').format(ref)
                               for ref in used)

    def web_page(self, name, title, body):
        href = f"{name}.html"
        text = website.page(self.snapshot, self.context, title, body, home=False,
                            end=self.footer)
        self.files.append((href, text))
        self.resources.append(Markup(
            '<resource identifier="R_{0}" type="webcontent" href="{1}"><file href="{1}"/>'
            '<dependency identifierref="R_style"/>{2}</resource>').format(
            name, href, self.dependencies(body)))
        return f"R_{name}"

    def topic(self, name, part):
        href = f"{name}/topic.xml"
        html = filebase(part.html)
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
        self.files.append((href, assessment(part, name, filebase(part.html) + self.sentence)))
        self.resources.append(Markup(
            '<resource identifier="R_{0}" type="{1}"><file href="{2}"/>{3}</resource>').format(
            name, QTI_TYPE, href, self.dependencies(part.html)))
        return f"R_{name}"

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
            ref = self.topic(name, part)
        elif part.kind == "quiz" and part.questions:
            ref = self.quiz(name, part)
        else:
            ref = self.web_page(name, part.title, Markup(part.html))
        return leaf(name, ref, part.title)


def leaf(name, ref, title):
    return Markup('<item identifier="I_{0}" identifierref="{1}"><title>{2}</title></item>'
                  ).format(name, ref, title)


def filebase(html):
    """Media of topics and assessments are addressed from the cartridge's root."""
    return MEDIA_REF.sub(lambda m: f'{m.group(1)}="$IMS-CC-FILEBASE$/{m.group(2)}"', html)


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
    items = [cartridge.item(entry) for entry in top]
    about = cartridge.web_page("about", _("About this resource"),
                               content.attribution(snapshot, context, heading=False))
    items.append(leaf("about", about, _("About this resource")))
    with Archive(fileobj, context.published_at) as archive:
        archive.text("imsmanifest.xml", manifest(snapshot, context, cartridge, items))
        for name, text in cartridge.files:
            archive.text(name, text)
        archive.text("style.css", website.stylesheet())
        archive.assets(snapshot)

