"""A quiz as its release keeps it: settings and current questions, ready for JSON."""

DEFAULTS = {"id": None, "intro": "", "pass_mark": 70, "max_attempts": None, "shuffle": True,
            "opens_at": None, "closes_at": None, "questions": []}


def _when(value):
    return value.isoformat() if value else None


def snapshot(quiz):
    """The quiz's settings and current (not retired) questions as a JSON-ready dict.

    {"id": quiz id, "intro", "pass_mark", "max_attempts", "shuffle", "opens_at", "closes_at"
    (ISO 8601, naive UTC, or None), "questions": [{"id", "kind", "prompt", "feedback",
    "accepted_answers": [...], "options": [{"id", "text", "correct", "match", "feedback"}]}]}.
    A quiz lesson without settings yet gives the defaults and no question.
    """
    if quiz is None:
        return dict(DEFAULTS, questions=[])
    return {
        "id": quiz.id, "intro": quiz.intro or "", "pass_mark": quiz.pass_mark,
        "max_attempts": quiz.max_attempts, "shuffle": bool(quiz.shuffle),
        "opens_at": _when(quiz.opens_at), "closes_at": _when(quiz.closes_at),
        "questions": [{
            "id": question.id, "kind": question.kind, "prompt": question.prompt,
            "feedback": question.feedback or "", "accepted_answers": question.accepted,
            "options": [{"id": option.id, "text": option.text, "correct": bool(option.correct),
                         "match": option.match or "", "feedback": option.feedback or ""}
                        for option in question.current_options]}
            for question in quiz.current_questions]}
