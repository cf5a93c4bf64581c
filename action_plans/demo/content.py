"""The demo plans' text and figures (English; the plan's language is English)."""

SECTIONS = {
    "context": (
        "Musterstadt has about 180,000 inhabitants; one in four was born abroad. Since 2022 the "
        "city has welcomed more than 3,000 refugees from Ukraine, Syria and Afghanistan, most of "
        "them families with school-age children.\n\n"
        "The partners of the network (the municipality, NGOs, the vocational college, the "
        "university, employers, volunteers and migrant organisations) agreed in 2024 to plan "
        "their work together instead of side by side."),
    "needs": (
        "The partners' survey of 420 newcomers and 60 staff found four gaps. Waiting times for "
        "integration courses are up to nine months. Recognition of foreign qualifications takes "
        "longer than a year for most nurses and teachers. One in three refugee families lives in "
        "overcrowded housing. Few newcomers know where to find health services in their "
        "language.\n\n"
        "Staff asked for shared referral routes and for one contact person per theme."),
    "vision": (
        "By 2028 every newcomer to Musterstadt finds the right service within two weeks of "
        "arrival, learns German while working or studying, and lives in adequate housing. "
        "The partners act as one network with shared data and shared responsibility."),
    "governance": (
        "The municipality's integration office coordinates the plan. The partner meeting "
        "(monthly) decides on changes; each action has one lead organisation. Indicators are "
        "reported every quarter and approved by the coordinator before they count."),
}

# code, title, thematic area, description, [(code, title)] of specific objectives
GOALS = [
    ("G1", "Newcomers learn German and gain qualifications", "education",
     "Language learning and schooling as the base of everything else.",
     [("G1.1", "Shorter waiting times for integration courses"),
      ("G1.2", "Every refugee child in school or early education within three months")]),
    ("G2", "Newcomers find work that fits their skills", "employment",
     "Recognition, job-related language learning and employers' commitment.",
     [("G2.1", "Faster recognition of foreign qualifications"),
      ("G2.2", "More employers offering traineeships to refugees")]),
    ("G3", "Newcomers find and use health services", "health",
     "Information and interpreting so that services reach people.",
     [("G3.1", "Health information in the six main languages")]),
    ("G4", "Adequate and affordable housing", "housing",
     "Moving from shared accommodation into flats.",
     [("G4.1", "Fewer families in overcrowded housing")]),
]

# code, goal, title, lead (organisation name), [(partner, role)], status, progress,
# (start month, end month) from the plan's start, [(milestone, month, done)]
MUNICIPALITY = None   # the core demo's first organisation
NGO = "Brücken e.V. – Beratung für Geflüchtete"
COLLEGE = "Berufskolleg Musterstadt"
UNIVERSITY = "Hochschule Musterstadt"
EMPLOYERS = "Unternehmerverband Musterstadt"
VOLUNTEERS = "Willkommen in Musterstadt – Ehrenamtsnetz"
PARENTS = "Deutsch-Türkischer Elternverein Musterstadt"
HOUSING = "Wohnungsgenossenschaft Musterstadt eG"
ACTIONS = [
    ("A1", "G1.1", "Evening and weekend integration courses", COLLEGE,
     [(VOLUNTEERS, "support"), (MUNICIPALITY, "funder")], "done", 100, (0, 9),
     [("Course rooms agreed", 2, True), ("First evening course starts", 4, True)]),
    ("A2", "G1.1", "Childcare during language courses", VOLUNTEERS, [(NGO, "support")],
     "in_progress", 60, (3, 24), [("Second childcare group opens", 14, True),
                                  ("Evaluation with parents", 23, False)]),
    ("A3", "G1.2", "School places within four weeks", MUNICIPALITY, [(PARENTS, "support")],
     "in_progress", 45, (0, 30), [("Welcome classes in three more schools", 20, False)]),
    ("A4", "G1.2", "Parents' guides in Turkish, Arabic, Ukrainian and Dari", PARENTS,
     [(MUNICIPALITY, "funder")], "done", 100, (2, 8), []),
    ("A5", "G1", "Language learning app pilot", UNIVERSITY, [(COLLEGE, "support")],
     "cancelled", 20, (6, 18), []),
    ("A6", "G2.1", "Recognition counselling at the welcome centre", NGO,
     [(MUNICIPALITY, "funder")], "in_progress", 70, (0, 36),
     [("Counsellor hired", 3, True), ("Online appointment booking", 22, False)]),
    ("A7", "G2.1", "Bridging courses for nurses", COLLEGE, [(UNIVERSITY, "support")], "delayed",
     30, (6, 20), [("Curriculum approved by the regional authority", 12, False)]),
    ("A8", "G2.2", "Traineeship pledge of 40 employers", EMPLOYERS, [(MUNICIPALITY, "support")],
     "in_progress", 55, (1, 30), [("Twenty employers signed", 10, True),
                                  ("Forty employers signed", 29, False)]),
    ("A9", "G2.2", "Job-related German at the workplace", COLLEGE, [(EMPLOYERS, "funder")],
     "planned", 0, (26, 40), []),
    ("A10", "G2", "Mentoring by retired professionals", VOLUNTEERS, [(EMPLOYERS, "support")],
     "in_progress", 40, (4, 34), []),
    ("A11", "G3.1", "Health guide in six languages", NGO, [(MUNICIPALITY, "funder")], "done", 100,
     (0, 6), []),
    ("A12", "G3.1", "Video interpreting in GP practices", MUNICIPALITY, [(NGO, "support")],
     "delayed", 25, (8, 22), [("Ten practices connected", 16, False)]),
    ("A13", "G4.1", "Flats for families from the housing cooperative", HOUSING,
     [(MUNICIPALITY, "support")], "in_progress", 50, (0, 40),
     [("First 20 flats allocated", 12, True), ("Next 20 flats allocated", 24, False)]),
    ("A14", "G4.1", "Tenancy coaching", NGO, [(HOUSING, "support")], "in_progress", 65, (3, 30),
     []),
    ("A15", "G4", "Housing need survey", UNIVERSITY, [(MUNICIPALITY, "funder")], "planned", 0,
     (30, 36), []),
]

# code, attached to (goal or action code), library code, name, unit, direction, baseline,
# target, [(month, value, status[, breakdown])]; the breakdowns' dimensions are in BROKEN_DOWN
INDICATORS = [
    ("I1", "G1.1", "EDU-01", "Average waiting time for an integration course", "months",
     "lower", 9, 3, [(3, 8.5, "approved"), (9, 7, "approved"), (15, 6, "approved"),
                     (21, 5, "submitted")]),
    ("I2", "G1.2", "EDU-03", "Refugee children in school within three months", "percent",
     "higher", 55, 95, [(6, 62, "approved"), (12, 70, "approved"), (18, 78, "approved")]),
    ("I3", "G2.1", "EMP-04", "Recognition decisions within six months", "percent", "higher", 20,
     70, [(6, 25, "approved"), (12, 31, "approved"), (18, 38, "approved"),
          (22, 44, "submitted")]),
    ("I4", "G2.2", "EMP-01", "Employment rate of refugees aged 20–64", "percent", "higher", 38,
     55, [(3, 39, "approved", {"sex": {"female": 31, "male": 46},
                               "residence_status": {"refugee": 42, "subsidiary": 37,
                                                    "asylum_seeker": 24}}),
          (12, 41, "approved", {"sex": {"female": 34, "male": 47},
                                "residence_status": {"refugee": 44, "subsidiary": 39,
                                                     "asylum_seeker": 27, "other": 52}}),
          # the survey of autumn reached no asylum seekers: a gap in their line
          (21, 44, "approved", {"sex": {"female": 38, "male": 49},
                                "residence_status": {"refugee": 47, "subsidiary": 41,
                                                     "other": 55}}),
          (23, 45, "submitted", {"sex": {"female": 40, "male": 50}})]),
    ("I5", "A8", "", "Employers who signed the traineeship pledge", "number", "higher", 0, 40,
     [(6, 12, "approved"), (12, 21, "approved"), (18, 27, "approved"), (23, 31, "draft")]),
    ("I6", "G3.1", "HEA-02", "Newcomers who know where to find a GP", "percent", "higher", 40, 80,
     [(12, 52, "approved"), (20, 61, "approved")]),
    ("I7", "G4.1", "HOU-02", "Refugee families in overcrowded housing", "percent", "lower", 33,
     15, [(6, 31, "approved"), (12, 28, "approved"), (18, 24, "approved"),
          (23, 22, "submitted")]),
    ("I8", "A13", "", "Flats allocated to refugee families", "number", "higher", 0, 60,
     [(6, 8, "approved"), (12, 20, "approved"), (18, 29, "approved")]),
]
# the dimensions an indicator's measurements are broken down by (indicator_terms)
BROKEN_DOWN = {"I4": ["sex", "residence_status"]}

DRAFT_SECTIONS = {
    "context": (
        "New arrivals to Musterstadt will continue at about 600 people a year. The first plan "
        "showed that the first weeks decide much of what follows.\n\n"
        "This plan concentrates on the welcome: the first contact, the first counselling "
        "appointment and the first language course."),
    "vision": "Every newcomer has a personal contact person within one week of arrival.",
}
# The draft's history: the coordinator and an editor changed different sentences of the
# context at the same time; the second save was merged.
MERGE_EDITS = (
    "New arrivals to Musterstadt will continue at about 600 people a year, half of them "
    "children.",
    "This plan concentrates on the welcome: the first contact, the first counselling "
    "appointment, the first school day and the first language course.",
)

# The draft's comments: (section key, author, text, [(author, reply)], resolved by the
# coordinator); "{contributor}" becomes a mention of the demo network's contributor.
DRAFT_COMMENTS = [
    ("vision", "editor",
     "Who should the personal contact person be: someone from the municipality, or from any "
     "partner? {contributor}, you know how the welcome centre works today.",
     [("coordinator", "Any partner, as long as the person speaks the newcomer's language. "
                      "Let us decide at the next partner meeting.")], False),
    ("context", "coordinator", "Please give the source of the 600 arrivals a year.",
     [("editor", "Done: the municipality's registration statistics of the last three years.")],
     True),
]
