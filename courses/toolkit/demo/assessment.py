"""The demo self-assessment tool: how well does our regional partnership work?"""

TOOL = {
    "title": "Regional partnership check",
    "summary": "Fifteen minutes to see where your local cooperation on the inclusion of migrants "
               "and refugees stands today, and what to work on next. Answer for your "
               "organisation or for your own practice; answer again in six months to see what "
               "changed.",
}

ADVICE_BANDS = ("low", "middle", "high")

DIMENSIONS = [
    ("Effectiveness", "Do we reach the goals we set ourselves, for the people we serve?", [
        "Our partnership has written down two or three shared goals that every partner can name.",
        "We know how many people we reached last year and how many moved on to a course, a job "
        "or stable housing.",
        "Referrals between partners arrive with the information needed, so nobody has to tell "
        "their story twice.",
        "When a case gets stuck between two services, a named person sorts it out within a week.",
    ], (
        "**Start with a shared picture.** Hold a two-hour workshop with every partner and agree "
        "on no more than three goals for the next year, in plain words.\n\n"
        "- Pick one figure per goal that you can count without new systems (referrals received, "
        "people who started a language course).\n"
        "- Agree on a one-page referral form so that people do not have to repeat their story.",
        "**Close the gaps between services.** You have goals; now find where people drop out.\n\n"
        "- Follow five recent cases from first contact to outcome and note every hand-over.\n"
        "- Fix the hand-over that fails most often first.\n"
        "- Name a contact person in each organisation for cases that get stuck.",
        "**Keep it sharp and share it.** Review your goals once a year with the people you "
        "serve, not only with the partners. Write a one-page results note with figures for your "
        "council and funders, and offer to mentor a partnership in a neighbouring region.",
    )),
    ("Sustainability", "Would the cooperation survive a change of staff or the end of a project?", [
        "The cooperation would continue if our current coordinator left tomorrow.",
        "Part of the money for joint work comes from regular budgets, not only from projects.",
        "Agreements between partners (on referrals or data sharing, for example) are written "
        "down and signed by the organisations' leaders.",
        "New staff in partner organisations are introduced to the partnership in their first "
        "month.",
    ], (
        "**Do not let it hang on one person.** Write on one page who does what in the "
        "partnership and keep it where every partner finds it.\n\n"
        "- Ask each partner's management to sign a short cooperation agreement, even a "
        "non-binding one: it makes the work visible inside the organisations.\n"
        "- List the activities that could move into regular budgets when the project ends.",
        "**Anchor the work in the organisations.** Put the partnership into the annual plans of "
        "the municipality and of at least two partners. Give every key role a deputy, and add a "
        "short session on the partnership to each partner's induction of new staff.",
        "**Plan for the long run.** Rotate the chair and the coordination task so the load is "
        "shared. Talk with funders early about how successful project activities become regular "
        "services, and keep a simple log of decisions so that knowledge survives staff changes.",
    )),
    ("Transferability", "Could others learn from our way of working and adapt it?", [
        "Our way of working is written down so that an outsider can understand it in half an "
        "hour.",
        "We know which parts of our approach depend on local conditions and which would work "
        "elsewhere.",
        "In the last year we shared our approach with at least one other municipality or region.",
        "Our forms, checklists and training materials are under an open licence, so others may "
        "reuse and adapt them.",
    ], (
        "**Write it down first.** Describe your approach on two pages: the problem, who is "
        "involved, what each partner does, what it costs and what changed. Without this nobody "
        "can learn from you, and you cannot check your own practice either.",
        "**Separate the core from the local.** Mark which elements are essential (one shared "
        "referral form, monthly case meetings) and which are local choices. Put your templates "
        "under an open licence such as CC BY-SA 4.0 and invite one peer region to a visit or an "
        "online exchange.",
        "**Help others adapt it.** Offer a short peer-learning session and a starter kit with "
        "your templates. Ask the regions that took up your approach what they changed and why: "
        "their answers will improve your own practice too.",
    )),
    ("Participation of migrants", "Do the people concerned have a real say?", [
        "People with a migration background take part in planning and deciding, not only in "
        "activities.",
        "Migrant-led organisations are full partners, with the same information and the same "
        "say as the others.",
        "We pay people for their time and expertise when we ask them to advise us.",
        "Information about our services exists in the main languages of the people we serve, "
        "and we check with them that it is understandable.",
    ], (
        "**Open the door.** Invite two or three migrant-led organisations or community "
        "representatives to your next partnership meeting.\n\n"
        "- Ask beforehand what would make it possible for them to come: time, place, language, "
        "childcare.\n"
        "- Budget a fee or an expense allowance: expertise from lived experience is expertise.",
        "**Share decisions, not only consultations.** Give migrant-led organisations a permanent "
        "seat in the steering group, with the same papers at the same time as everyone else. "
        "Test new leaflets and forms with the people they are meant for before you print them.",
        "**Share power and leadership.** Consider co-chairing the partnership with a migrant-led "
        "organisation and co-designing the next project with the people it is for. Write down "
        "how participation changed your decisions, so that others see what it brings.",
    )),
    ("Evaluation", "Do we learn from figures and feedback, and change what does not work?", [
        "We collect a small set of figures regularly and look at them together at least twice "
        "a year.",
        "We ask the people we serve how they experienced our services, in a way that also works "
        "for those who do not yet speak the local language well.",
        "We change our practice when figures or feedback show that something does not work.",
        "At least once, someone outside the partnership has looked at our work and given us "
        "feedback.",
    ], (
        "**Start small and regular.** Choose three to five figures you can count with little "
        "effort and put them on the agenda of every second meeting. Add one simple feedback "
        "question for the people you serve (a smiley scale with pictures works) in their "
        "languages.",
        "**Close the loop.** After each review, write down one change you will make because of "
        "what the figures or the feedback say, and check at the next meeting whether you made "
        "it. Interview five service users a year in their own language, with an interpreter if "
        "needed.",
        "**Invite an outside view.** Ask a university, a peer region or an evaluation service "
        "to review one part of your work. Publish what you learned, including what did not "
        "work: it helps the whole field.",
    )),
]
