"""The demo course's three quizzes, one for each of its first three modules."""


def choice(text, correct=False, feedback=""):
    return {"text": text, "correct": correct, "feedback": feedback, "match": ""}


def pair(left, right):
    return {"text": left, "match": right, "correct": False, "feedback": ""}


def truth(correct_answer, feedback_if_wrong):
    return [choice("true", correct_answer, "" if correct_answer else feedback_if_wrong),
            choice("false", not correct_answer, feedback_if_wrong if correct_answer else "")]


INTRO = ("Five questions to check what you take from this module. You need 70 % to pass and may "
         "try as often as you like; after each attempt you get feedback on the answers you "
         "chose, and the right answers once you have passed.")

# (lesson title, lesson text, [(kind, prompt, options, accepted answers, question feedback)])
QUIZZES = [
    ("Quiz: seeing the whole system", INTRO, [
        ("single", "A refugee family is in contact with the job centre, a school, the housing "
         "office and an NGO. What is the main risk when these services do not work together?", [
             choice("The family repeats its story and gets advice that contradicts itself", True,
                    "Yes: fragmented services cost people time and trust, and cost services "
                    "duplicated work."),
             choice("The services spend too little money",
                    feedback="Money is rarely the first problem; duplicated and contradicting "
                             "work is."),
             choice("The family gets too much help",
                    feedback="Overlaps happen, but gaps between services are far more common."),
         ], "", "Each service sees one part of the family's situation. Without cooperation, "
         "nobody sees the whole, and the family does the coordinating work itself."),
        ("multiple", "Which of these are signs that a local partnership is needed?", [
            choice("People are sent back and forth between services", True),
            choice("Several organisations run similar activities without knowing of each other",
                   True),
            choice("One organisation already meets every need on its own",
                   feedback="If that were true, no partnership would be needed; it rarely is."),
        ], "", "Referral loops and duplicated offers are the two most common signs."),
        ("single", "You start drawing a partner map. Which question comes first?", [
            choice("Who already works with the people we want to reach?", True,
                   "Yes: start from the people, then look for the organisations around them."),
            choice("Who has the biggest budget?",
                   feedback="Money matters later; a map that starts from budgets misses the "
                            "small actors who reach people."),
            choice("Who has a large meeting room?",
                   feedback="Practical, but not a reason to be on the map."),
        ], "", "A partner map starts from the people you want to reach and works outwards."),
        ("true_false", "Informal groups, such as volunteer initiatives or religious communities, "
         "belong on the partner map.",
         truth(True, "They do: informal groups often reach people that institutions never see."),
         "", "Leave nobody off the map at first; you can decide later whom to involve and how."),
        ("matching", "Match each partner with what it typically brings to a local partnership.", [
            pair("Municipal integration office", "An overview of local services and a mandate to "
                 "coordinate"),
            pair("Job centre", "Access to training funds and work placements"),
            pair("Migrant-led association", "Trust and contacts in the communities"),
            pair("Vocational school", "Language and vocational courses at the right level"),
        ], "", "Knowing what each partner can bring is the basis of every division of tasks."),
    ]),
    ("Quiz: setting up a partnership that lasts", INTRO, [
        ("single", "What is the best result of a first partnership meeting?", [
            choice("A short list of shared concerns and an agreed next step with names and "
                   "dates", True, "Yes: small, concrete and owned by the partners."),
            choice("A signed five-year contract",
                   feedback="Too much too soon: trust comes before contracts."),
            choice("A complete list of every problem each partner faces",
                   feedback="Useful as input, but a list without next steps rarely leads "
                            "anywhere."),
        ], "", "People come back when the first meeting ended with something they can do."),
        ("multiple", "What belongs in a simple partnership agreement?", [
            choice("The shared goals", True),
            choice("Who does what", True),
            choice("How and when partners share information", True),
            choice("Each partner's internal budget in detail",
                   feedback="Not needed: agree on shared costs and contributions instead."),
        ], "", "Goals, roles and information flows: one or two pages are enough to start."),
        ("true_false", "Working together means every partner must take on the same tasks.",
         truth(False, "No: partners have different mandates and skills. Cooperation fits them "
                      "together; it does not make everyone do the same."),
         "", "Good partnerships agree who does what, so that tasks complement each other."),
        ("short", "One word: what do we call the person or organisation that brings partners "
         "together and keeps the process going?", [],
         "Convenor\nConvener\nCoordinator\nFacilitator",
         "Whatever the title, someone must own the process: invitations, notes, follow-up."),
        ("matching", "Match each term with the role an actor can play in a partnership.", [
            pair("Key actor", "Holds a mandate or resources the goal depends on"),
            pair("Gatekeeper", "Controls access to a group or a service"),
            pair("Bridge builder", "Connects actors who do not yet work together"),
            pair("Critical friend", "Supports the goal but names weaknesses honestly"),
        ], "", "Naming these roles helps you plan whom to approach first, and how."),
    ]),
    ("Quiz: working together day to day", INTRO, [
        ("single", "An NGO counsellor refers a client to the job centre. What makes it least "
         "likely that the person gets lost on the way?", [
             choice("A warm hand-over: the counsellor calls the named contact and books the "
                    "first appointment with the client present", True,
                    "Yes: a named contact and a date turn a referral into an appointment."),
             choice("Giving the client the job centre's address",
                    feedback="An address alone is where many referrals end: who, when and why "
                             "are missing."),
             choice("Emailing the client's whole file to the job centre's general address",
                    feedback="Without consent this breaks data protection rules, and a general "
                             "address has no one responsible."),
         ], "", "Referrals fail at hand-overs; make each hand-over personal and dated."),
        ("true_false", "To share a client's personal data with another partner you need a legal "
         "basis, such as the person's informed consent.",
         truth(True, "Data protection law (the GDPR) applies: without a legal basis, sharing is "
                     "not allowed."),
         "", "Explain consent in a language the person understands, record it, and share only "
         "what the other service needs."),
        ("multiple", "Which make a case meeting between several services fair to the person "
         "discussed?", [
             choice("The person agreed to be discussed, or the case is anonymised", True),
             choice("An interpreter is there if the person attends and needs one", True),
             choice("Decisions and tasks are written down and shared with the person", True),
             choice("Partners discuss the family's private life in detail, just in case",
                    feedback="Share only what the decision needs."),
         ], "", "Fairness means consent, understanding and a clear record of what was decided."),
        ("short", "One word: the written record of what was decided at a meeting, and who does "
         "what by when.", [], "Minutes\nProtocol\nNotes\nAction list",
         "Send it within a week, also to those who could not come."),
        ("matching", "Match each meeting role with its task.", [
            pair("Chair", "Keeps time and makes sure every voice is heard"),
            pair("Note-taker", "Writes down decisions, owners and deadlines"),
            pair("Interpreter", "Makes sure participants understand and are understood"),
            pair("Host", "Provides an accessible room and welcomes people"),
        ], "", "Agree these roles before the meeting; the chair and the note-taker should not be "
         "the same person."),
    ]),
]
