"""Demo content for `flask seed-demo`: four original good-practice blueprints, written by the
demo trainer, reviewed and published by the demo admin (each only once)."""
import click
from sqlalchemy import select

from lms.extensions import db
from lms.urls import site_request_context
from oer.models import Practice
from oer.services import practices as services
from oer.services.publishing import PublishError

PRACTICES = [
    dict(
        title="A one-stop shop for newcomers run by the municipality and NGOs together",
        summary="Newcomers find registration, counselling, language-course places and job "
                "advice under one roof, on fixed days, with staff of the municipality and "
                "three NGOs sitting at neighbouring desks and one shared appointment book.",
        language="en", integration_area="reception", level="local", country="DE",
        actor_types=["public_authority", "ngo", "migrant_organisation", "employer"],
        context="A town of 80,000 inhabitants received about 1,200 refugees and other "
                "newcomers in two years. Services existed, but in seven buildings with seven "
                "opening times; many people gave up after the second referral.",
        problem="Newcomers were sent from office to office, repeated their story each time "
                "and missed appointments because letters arrived in a language they could "
                "not read. Staff of different organisations did not know each other's offers "
                "and referred people to services that were full.",
        actors="* **Integration office of the municipality**: hosts the shop, coordinates "
               "and handles residence registration.\n"
               "* **Two NGOs**: social counselling and recognition of qualifications.\n"
               "* **A migrant association**: peer guides at the reception desk, interpreting "
               "in Arabic, Dari, Tigrinya and Ukrainian.\n"
               "* **The local job centre**: an adviser on Tuesdays and Thursdays.",
        steps="Map what exists: list every service for newcomers with its opening times, "
              "languages and waiting lists, and agree which ones will move in.\n\n"
              "Sign a short cooperation agreement: who staffs which desk on which day, "
              "who pays for rooms and interpreting, how data is shared with consent.\n\n"
              "Set up one reception desk staffed by a peer guide who asks three questions "
              "and books the right appointments in a shared calendar.\n\n"
              "Introduce one consent form that lets the person decide which organisations "
              "may see their file, so nobody has to tell their story twice.\n\n"
              "Meet every month for one hour to look at the waiting lists and at the cases "
              "that got stuck, and change the desk plan when needed.",
        resources="Two rooms and a waiting area in a central, accessible building; about "
                  "1.5 full-time posts for coordination and reception; an interpreting "
                  "budget; a shared online calendar that meets data-protection rules.",
        success_factors="* The mayor's office backs the shop publicly.\n"
                        "* Peer guides are paid, trained and part of the team.\n"
                        "* Fixed days for every partner, so the shop never feels empty.",
        challenges="Sharing data between public and voluntary organisations needs a clear "
                   "consent process. Partners with short-term project funding may leave: "
                   "plan how their desk is covered.",
        evidence="After one year, 74 % of visitors were served on the day they came "
                 "(before: 31 %), and the average number of offices a newcomer visited in the "
                 "first month fell from 5.2 to 1.8 (visitor survey, n = 410).",
        transferability="Works for towns of 30,000 to 300,000 inhabitants. Larger cities "
                        "can open one shop per district with a shared calendar; rural "
                        "districts can run it as a mobile office on market days.",
        contact="Integration office, integration@musterstadt.example",
        licence="CC-BY-SA-4.0"),
    dict(
        title="Mentoring pairs: refugees and employees of local employers",
        summary="Employees of local companies volunteer as mentors for a refugee looking "
                "for work in the same trade. Pairs meet every two weeks for six months; "
                "the employers give one paid hour per meeting.",
        language="en", integration_area="labour", level="regional", country="IT",
        actor_types=["employer", "ngo", "public_authority"],
        context="Many refugees in the region had skills from their home countries but no "
                "contacts in the local labour market, while small and medium-sized employers "
                "in metalwork, logistics and care could not fill vacancies.",
        problem="Job applications failed on unwritten rules: how to present experience, what "
                "a trial day is, how to talk to a foreman. Formal job coaching did not open "
                "doors to the companies themselves.",
        actors="A social cooperative recruits and trains the mentors and matches the pairs; "
               "the chamber of commerce brings in employers; the public employment service "
               "refers mentees and pays the travel costs.",
        steps="Recruit ten employers through the chamber of commerce and agree the one paid "
              "hour per meeting in writing.\n\n"
              "Train mentors in one evening: intercultural communication, the asylum and "
              "work-permit rules, and where to refer questions they cannot answer.\n\n"
              "Match pairs by trade and by place of living, and hold a first meeting of "
              "each pair with the coordinator present.\n\n"
              "Let pairs meet every two weeks; the coordinator calls each pair once a month "
              "and organises a group meeting every two months.\n\n"
              "Close the six months with a meeting where each pair says what comes next: a "
              "trial day, an apprenticeship, a course, or another mentor.",
        resources="A half-time coordinator, a training evening per group of mentors, "
                  "travel tickets for mentees, a small budget for the group meetings.",
        success_factors="Employers see the programme as recruitment, not charity. Mentors "
                        "from the same trade speak the mentee's professional language.",
        challenges="Shift work makes regular meetings hard; allow meetings at the workplace. "
                   "Some mentors promise jobs they cannot give: the training says so plainly.",
        evidence="Of 48 mentees in the first two rounds, 21 started work or an "
                 "apprenticeship within three months of the end, 9 of them with the "
                 "mentor's employer (follow-up calls by the coordinator).",
        transferability="Needs a body that employers trust (a chamber, a trade association). "
                        "The format fits any trade with a shortage of workers.",
        contact="Porta Aperta Cooperativa Sociale, mentoring team",
        licence="CC-BY-4.0"),
    dict(
        title="Brückenklasse: Berufsschule und Betriebe bereiten gemeinsam auf die Ausbildung vor",
        summary="Eine Berufsschule und sechs Ausbildungsbetriebe führen junge Geflüchtete in "
                "einem Schuljahr an eine Ausbildung heran: drei Tage Schule mit "
                "berufsbezogenem Deutsch, zwei Tage Praktikum im Betrieb.",
        language="de", integration_area="education", level="local", country="DE",
        actor_types=["vet_provider", "employer", "public_authority", "volunteer_group"],
        context="Junge Geflüchtete zwischen 18 und 25 Jahren waren zu alt für die "
                "allgemeinbildende Schule, aber sprachlich noch nicht so weit, dass sie eine "
                "Ausbildung beginnen konnten. Betriebe im Handwerk und in der Pflege suchten "
                "Auszubildende.",
        problem="Sprachkurse und Berufsorientierung liefen getrennt. Wer einen Sprachkurs "
                "abschloss, kannte keinen Betrieb; wer ein Praktikum machte, verstand die "
                "Fachsprache nicht. Viele brachen die Ausbildung im ersten Jahr ab.",
        actors="Die Berufsschule stellt Lehrkräfte für Deutsch und Fachtheorie, die Betriebe "
               "stellen Praktikumsplätze und je eine Ansprechperson, das Jobcenter "
               "finanziert die sozialpädagogische Begleitung, Ehrenamtliche helfen bei den "
               "Hausaufgaben.",
        steps="Betriebe gewinnen: Die Schule stellt das Modell bei der Handwerkskammer vor; "
              "jeder Betrieb sagt zwei Praktikumsplätze für ein Jahr zu.\n\n"
              "Den Stundenplan abstimmen: Deutsch wird an Texten aus den Betrieben gelernt "
              "(Arbeitsanweisungen, Sicherheitsregeln, Pflegedokumentation).\n\n"
              "Eine Sozialpädagogin begleitet die Klasse, besucht die Betriebe und klärt "
              "Fragen zu Aufenthalt, Wohnung und Geld.\n\n"
              "Lehrkräfte und betriebliche Ansprechpersonen treffen sich einmal im Monat "
              "und besprechen jede Person einzeln.\n\n"
              "Am Ende des Schuljahres bieten die Betriebe Ausbildungsverträge an; wer noch "
              "nicht so weit ist, bekommt eine Einstiegsqualifizierung.",
        resources="Ein Klassenraum, zwei Lehrkräfte mit je halber Stelle, eine halbe Stelle "
                  "Sozialpädagogik, Fahrkarten für die Praktika.",
        success_factors="Feste Ansprechpersonen in den Betrieben. Deutschunterricht mit "
                        "echten Texten aus der Arbeit. Ein gemeinsamer Blick auf jede "
                        "Person statt getrennter Zuständigkeiten.",
        challenges="Die Finanzierung der Begleitung muss jedes Jahr neu beantragt werden. "
                   "Unsichere Aufenthaltstitel belasten die Teilnehmenden und die Betriebe.",
        evidence="Von 34 Teilnehmenden der ersten beiden Jahrgänge begannen 23 eine "
                 "Ausbildung, 19 davon waren nach dem ersten Ausbildungsjahr noch dabei "
                 "(Auswertung der Schule).",
        transferability="Übertragbar auf jede Berufsschule mit Partnerbetrieben in "
                        "Mangelberufen. Kleinere Orte können eine Klasse für mehrere "
                        "Schulen gemeinsam bilden.",
        contact="Abteilung Berufsvorbereitung der Berufsschule",
        licence="CC-BY-SA-4.0"),
    dict(
        title="A shared referral protocol for a regional network of services",
        summary="Twelve organisations in a region agree one referral form, one list of who "
                "offers what, and a promise to answer every referral within five working "
                "days, so that nobody is referred into a void.",
        language="en", integration_area="coordination", level="regional", country="IE",
        actor_types=["public_authority", "ngo", "vet_provider", "migrant_organisation",
                     "volunteer_group"],
        context="A regional network of public services, NGOs, training centres and "
                "volunteer groups met quarterly but referred people to each other by phone "
                "calls and e-mails that were often lost.",
        problem="Referred people waited weeks without news, or arrived at an organisation "
                "that had no place for them. Nobody could say how many referrals succeeded.",
        actors="The county council's integration coordinator chairs the network; every "
               "member organisation names one referral contact and a deputy.",
        steps="Write down, for each member, what it offers, for whom, in which languages and "
              "with which waiting time, and publish it as a one-page directory.\n\n"
              "Agree one referral form with the person's consent, the question to be "
              "answered and the contact of the referring worker.\n\n"
              "Promise a first answer within five working days: accepted, waiting list (with "
              "a date), or not the right place (with a better one).\n\n"
              "Count referrals and answers each quarter, and discuss the ones that failed at "
              "the network meeting, without names.\n\n"
              "Update the directory every six months and when a service changes.",
        resources="A few hours a month of the coordinator's time, a shared mailbox or a "
                  "secure form, and a spreadsheet for the quarterly count.",
        success_factors="A short form (one page). Named contacts with deputies. Talking about "
                        "failed referrals as a problem of the system, not of a person.",
        challenges="Members with little staff find the five-day promise hard; allow an "
                   "automatic acknowledgement with a date.",
        evidence="In the first year, 86 % of 640 referrals received an answer within five "
                 "working days, and the share of people who never reached the service they "
                 "were referred to fell from about a third to 9 %.",
        transferability="Any network of five or more organisations can adopt it; the "
                        "directory is the first step and useful on its own.",
        contact="Integration coordinator of the county council",
        licence="CC-BY-4.0"),
]


def seed(app, users=None, organisations=None, **extra):
    """Connected to `demo_seeding`: the demo trainer writes the blueprints, the demo admin
    reviews and publishes them. A blueprint already there (by title) is left alone."""
    users = users or {}
    author, editor = users.get("trainer"), users.get("admin")
    if author is None or editor is None:
        return
    organisation = next((o for o in organisations or [] if any(
        m.user_id == author.id for m in o.memberships)), None)
    with site_request_context(app):       # their packages link to SITE_URL
        for values in PRACTICES:
            if db.session.scalar(select(Practice.id).where(
                    Practice.title == values["title"])) is not None:
                continue
            blueprint = services.create(author, {
                **values, "organisation_id": organisation.id if organisation else None})
            services.submit(blueprint, author)
            try:
                services.release(blueprint, editor, "Clear, concrete and ready to publish.")
            except PublishError as error:
                click.echo(f"demo blueprint left in review: {error}")
