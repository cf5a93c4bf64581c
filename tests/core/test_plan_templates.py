"""The core's registry of plan templates: plugins offer published good practices by name, and
readers find them by `<source>:<key>` without knowing which plugin holds them."""
import pytest

from lms.plan_templates import (PlanTemplate, TemplateActor, TemplateSource, TemplateStep,
                                available, find, sources)
from lms.plugins import Plugin, PluginError, install_plugins


class Recipes(TemplateSource):
    name = "recipes_test.recipe"
    stored = {"1": PlanTemplate(source="recipes_test.recipe", key="1", title="Zebra crossing",
                                steps=[TemplateStep("Paint it")],
                                actors=[TemplateActor("public_authority", "Municipality")]),
              "2": PlanTemplate(source="recipes_test.recipe", key="2", title="apple harvest")}

    def templates(self):
        return list(self.stored.values())

    def template(self, key):
        return self.stored.get(key)


def test_a_source_outside_its_plugins_prefix_is_refused(app):
    class Stray(TemplateSource):
        name = "elsewhere.recipe"

    class Owner(Plugin):
        name = "templates_owner_test"

        def plan_templates(self):
            return [Stray()]

    with pytest.raises(PluginError, match="elsewhere.recipe"):
        install_plugins(app, [Owner()])


def test_templates_are_listed_by_title_and_found_by_identifier(app):
    class Owner(Plugin):
        name = "recipes_test"

        def plan_templates(self):
            return [Recipes()]

    install_plugins(app, [Owner()])
    with app.app_context():
        assert "recipes_test.recipe" in sources()
        titles = [t.title for t in available() if t.source == "recipes_test.recipe"]
        assert titles == ["apple harvest", "Zebra crossing"]
        found = find("recipes_test.recipe:1")
        assert found.identifier == "recipes_test.recipe:1"
        assert found.steps[0].title == "Paint it" and found.actors[0].kind == "public_authority"
        for unknown in ("recipes_test.recipe:3", "recipes_test.recipe:", "nowhere:1", "", None,
                        "recipes_test.recipe"):
            assert find(unknown) is None


def test_without_a_source_nothing_is_offered(app_factory):
    application = app_factory(LMS_PLUGINS=["networks", "action_plans"])
    with application.app_context():
        assert sources() == {} and available() == [] and find("oer.blueprint:1") is None
