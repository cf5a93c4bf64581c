"""The harness's own parts can fail: a stored change is seen and put back, forms are found."""
from tests.harness.forms import forms_on


def test_a_stored_change_is_seen_and_put_back(world):
    learner = world.client("learner")
    page = learner.get("/account/").get_data(as_text=True)
    form = next(f for f in forms_on(page, "/account/") if f.action == "/account/")
    data = {f.name: f.value for f in form.fields}
    data["display_name"] = "Someone Else"
    assert learner.post("/account/", data=data).status_code == 302
    assert "users" in world.settle()
    assert "Someone Else" not in world.client("learner").get("/account/").get_data(as_text=True)
    assert "users" not in world.settle()


def test_forms_are_read_with_their_fields_and_choices(world):
    page = world.client("learner").get("/account/").get_data(as_text=True)
    form = next(f for f in forms_on(page, "/account/") if f.action == "/account/")
    fields = {f.name: f for f in form.fields}
    assert fields["display_name"].kind == "text" and fields["display_name"].value
    assert fields["timezone"].kind == "select" and len(fields["timezone"].options) > 10
