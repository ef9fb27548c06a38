"""German texts (written for this project) of the PDF fixtures, with their gold.

Each document is a list of blocks: ``("h1"|"h2"|"h3", text)``,
``("p", [sentence, ...])``, ``("ul", [item sentence, ...])`` and
``("columns", [block, ...])`` for a section typeset in two columns on a page
of its own. A footnote stands inside a sentence as ``{fn:Text. More text.}``
right after the word that carries its call; WeasyPrint prints it at the page
foot. The gold sentences (:func:`gold_sentences`) are derived from the same
blocks: the sentence without its footnote, each footnote's own sentences
(split at ``|``) as ``kind: "footnote"``, headings as ``kind: "heading"``.
"""

from __future__ import annotations

import re

Block = tuple[str, object]

_FOOTNOTE = re.compile(r"\{fn:([^}]*)\}")

BERICHT: list[Block] = [
    ("h1", "Digitale Souveränität in der Verwaltung"),
    (
        "p",
        [
            "Die Bundesregierung hat im vergangenen Jahr eine umfassende "
            "Digitalisierungsstrategie für die öffentliche Verwaltung beschlossen.",
            "Sie soll die Abhängigkeit von einzelnen Softwareanbietern verringern und "
            "die Wettbewerbsfähigkeit heimischer Unternehmen stärken.",
            "Dieses Arbeitspapier fasst die wichtigsten Maßnahmen zusammen und bewertet "
            "ihre Umsetzung in Bund, Ländern und Kommunen.",
        ],
    ),
    ("h2", "1. Ausgangslage"),
    (
        "p",
        [
            "Viele Behörden arbeiten noch immer mit Fachverfahren, deren "
            "Wartungsverträge an einen einzigen Hersteller gebunden sind.{fn:Vgl. den "
            "Bericht des Bundesrechnungshofes aus dem Jahr 2024.}",
            "Wechselt dieser Hersteller seine Lizenzbedingungen, entstehen den "
            "Verwaltungen erhebliche Mehrkosten, die in keinem Haushaltsplan "
            "vorgesehen waren.",
            "Hinzu kommt, dass die Kommunikation zwischen Bürgerinnen, Bürgern und "
            "Ämtern zunehmend per E-Mail und über Onlineportale abgewickelt wird.",
            "Die Anforderungen an Datenschutz und Informationssicherheit sind dadurch "
            "deutlich gestiegen.",
        ],
    ),
    (
        "p",
        [
            "Eine Befragung unter zweihundert Kommunalverwaltungen zeigt ein uneinheitliches Bild.",
            "Während größere Städte eigene Rechenzentren betreiben, sind kleinere "
            "Gemeinden auf die Angebote kommunaler IT-Dienstleister angewiesen.",
            "Diese wiederum beziehen ihre Standardsoftware häufig von denselben "
            "internationalen Konzernen, sodass sich die Abhängigkeit nur "
            "verlagert.{fn:Die Befragung wurde zwischen März und Mai durchgeführt. "
            "|Die Rücklaufquote lag bei 41 Prozent.}",
            "Forschungs- und Entwicklungsvorhaben, die Alternativen erproben, "
            "erhalten bislang nur geringe Fördermittel.",
        ],
    ),
    ("h2", "2. Maßnahmen der Bundesregierung"),
    (
        "p",
        [
            "Im Mittelpunkt der Strategie steht ein gemeinsamer Softwarebaukasten, "
            "der quelloffene Anwendungen für Textverarbeitung, Videokonferenzen und "
            "Dateiablage bündelt.",
            "Das Bundesministerium des Innern stellt dafür in den kommenden vier "
            "Jahren insgesamt 120 Millionen Euro bereit.",
            "Ergänzend sollen Beschaffungsrichtlinien so geändert werden, dass offene "
            "Standards bei Ausschreibungen ausdrücklich bevorzugt werden.",
            "Ein eigenes Kompetenzzentrum berät Behörden bei der Migration und "
            "sammelt Erfahrungen aus Pilotprojekten.",
        ],
    ),
    (
        "p",
        [
            "Besonders umstritten ist das Halbleiter-Förderprogramm, mit dem die "
            "Regierung die Fertigung sicherheitskritischer Komponenten im Inland "
            "unterstützen will.",
            "Kritiker bemängeln, dass die Subventionen vor allem wenigen "
            "Großunternehmen zugutekommen.{fn:So etwa der Sachverständigenrat in "
            "seinem Jahresgutachten.}",
            "Befürworter verweisen dagegen auf die Erfahrungen der vergangenen "
            "Lieferkettenkrise, in der ganze Produktionslinien wochenlang stillstanden.",
            "Beide Seiten sind sich jedoch einig, dass eine verlässliche "
            "Finanzierungsperspektive wichtiger ist als die Höhe einzelner Zuschüsse.",
        ],
    ),
    ("h2", "3. Umsetzung in Ländern und Kommunen"),
    (
        "p",
        [
            "Die Länder haben die Strategie sehr unterschiedlich aufgenommen.",
            "Einige haben eigene Landesprogramme aufgelegt und die Migration ihrer "
            "Landesverwaltungen bereits begonnen, andere warten auf verbindliche "
            "Vorgaben des Bundes.",
            "In den Kommunen fehlt es vor allem an Fachpersonal, das Ausschreibungen "
            "vorbereiten und neue Systeme betreuen kann.",
            "Die kommunalen Spitzenverbände fordern deshalb eine dauerhafte "
            "Beteiligung des Bundes an den Personalkosten.",
        ],
    ),
    (
        "p",
        [
            "Ein Beispiel für gelungene Zusammenarbeit ist der Verbund mehrerer "
            "Landkreise, die ihre Bürgerdienste gemeinsam auf eine quelloffene "
            "Plattform umgestellt haben.",
            "Die Landkreise teilen sich Betrieb, Schulungen und Weiterentwicklung und "
            "konnten so ihre jährlichen Lizenzkosten um mehr als ein Drittel "
            "senken.{fn:Angaben der beteiligten Kreisverwaltungen.}",
            "Ähnliche Verbünde entstehen derzeit in mehreren Bundesländern.",
        ],
    ),
    ("h2", "4. Empfehlungen"),
    (
        "p",
        [
            "Aus der Analyse ergeben sich drei Empfehlungen.",
            "Erstens sollte der Bund die Finanzierung des Softwarebaukastens über die "
            "laufende Legislaturperiode hinaus absichern.",
            "Zweitens brauchen Kommunen eine zentrale Anlaufstelle, die Verträge "
            "prüft, Musterausschreibungen bereitstellt und bei Streitfällen mit "
            "Anbietern vermittelt.",
            "Drittens sollten Forschungseinrichtungen stärker eingebunden werden, "
            "damit die Verwaltung von neuen Entwicklungen früher erfährt.",
            "Nur wenn diese Schritte zusammenwirken, wird digitale Souveränität mehr "
            "als ein politisches Schlagwort sein.",
        ],
    ),
]

SPALTEN: list[Block] = [
    ("h1", "Wasserstoff im Verkehrssektor"),
    (
        "p",
        [
            "Grüner Wasserstoff gilt als Hoffnungsträger für Bereiche, die sich nur "
            "schwer elektrifizieren lassen.",
            "Dazu zählen der Schwerlastverkehr, die Schifffahrt und der Luftverkehr.",
            "Dieses Kurzgutachten untersucht, welche Rolle Wasserstoff bis zum Jahr "
            "2040 im deutschen Verkehrssektor spielen kann.",
        ],
    ),
    (
        "columns",
        [
            ("h2", "Zusammenfassung"),
            (
                "p",
                [
                    "Die Herstellung von Wasserstoff durch Elektrolyse benötigt große "
                    "Mengen erneuerbaren Stroms.",
                    "Solange dieser knapp ist, sollte Wasserstoff vorrangig dort "
                    "eingesetzt werden, wo es keine effizienteren Alternativen gibt.",
                    "Für Personenkraftwagen ist der batterieelektrische Antrieb "
                    "deutlich günstiger, weil bei der Umwandlung weniger Energie "
                    "verloren geht.",
                ],
            ),
            (
                "p",
                [
                    "Im Güterfernverkehr ist das Bild weniger eindeutig.",
                    "Brennstoffzellen-Lastkraftwagen erreichen große Reichweiten und "
                    "lassen sich schnell betanken, sind aber in der Anschaffung "
                    "teurer.",
                    "Der Aufbau eines flächendeckenden Tankstellennetzes würde nach "
                    "unseren Schätzungen mehrere Milliarden Euro kosten.",
                    "Oberleitungen auf Autobahnen wären eine Alternative, deren "
                    "Wirtschaftlichkeit ebenfalls umstritten ist.",
                ],
            ),
            (
                "p",
                [
                    "Für Schiffe und Flugzeuge kommen vor allem synthetische "
                    "Kraftstoffe infrage, die aus Wasserstoff hergestellt werden.",
                    "Ihre Produktion ist heute noch sehr teuer, dürfte aber mit "
                    "wachsenden Anlagenkapazitäten günstiger werden.",
                    "Internationale Abkommen sind dafür unverzichtbar, da Schiff- und "
                    "Luftfahrt grenzüberschreitend organisiert sind.",
                ],
            ),
        ],
    ),
    ("h2", "Schlussfolgerungen"),
    (
        "p",
        [
            "Wasserstoff ist kein Allheilmittel für die Verkehrswende.",
            "Er kann aber in einzelnen Anwendungen einen wichtigen Beitrag leisten, "
            "wenn Infrastruktur, Förderung und Regulierung aufeinander abgestimmt "
            "werden.{fn:Eine ausführliche Fassung der Berechnungen ist auf Anfrage "
            "erhältlich.}",
            "Die Politik sollte deshalb klare Prioritäten setzen und Fördermittel "
            "nicht nach dem Gießkannenprinzip verteilen.",
        ],
    ),
]

NACHTEST: list[Block] = [
    ("h1", "Mietrecht und Wohnungsmarkt"),
    (
        "p",
        [
            "In vielen Großstädten sind die Angebotsmieten in den letzten zehn Jahren "
            "stärker gestiegen als die Einkommen.",
            "Der Gesetzgeber hat darauf mit der Mietpreisbremse reagiert, deren "
            "Wirkung bis heute umstritten ist.{fn:Die Regelung gilt nur in Gebieten "
            "mit angespanntem Wohnungsmarkt.}",
            "Diese Stellungnahme beschreibt die Rechtslage und schlägt Verbesserungen vor.",
        ],
    ),
    ("h2", "Rechtslage"),
    (
        "p",
        [
            "Bei der Wiedervermietung darf die Miete höchstens zehn Prozent über der "
            "ortsüblichen Vergleichsmiete liegen.",
            "Ausnahmen gelten für Neubauten und umfassend modernisierte Wohnungen.",
            "Vermieterinnen und Vermieter müssen die Vormiete auf Nachfrage "
            "offenlegen, was in der Praxis jedoch selten überprüft wird.",
            "Mieterinnen und Mieter scheuen häufig den Rechtsweg, weil sie um das "
            "Mietverhältnis fürchten.",
        ],
    ),
    (
        "p",
        [
            "Die Landesregierungen bestimmen durch Rechtsverordnung, welche Gemeinden "
            "als angespannte Wohnungsmärkte gelten.",
            "Mehrere dieser Verordnungen wurden von Gerichten wegen formaler Mängel "
            "aufgehoben.{fn:Meist fehlte eine ausreichende Begründung. |Die "
            "Verordnungen wurden später neu erlassen.}",
            "Die Rechtsunsicherheit schadet beiden Vertragsparteien.",
        ],
    ),
    ("h2", "Vorschläge"),
    (
        "p",
        [
            "Wir empfehlen, die Auskunftspflichten zu vereinfachen und einen "
            "bundesweit einheitlichen Mietspiegel einzuführen.",
            "Ein digitales Mietenregister würde Vergleichsmieten nachvollziehbar "
            "machen und Streitigkeiten vermeiden.",
            "Zugleich muss der Wohnungsneubau beschleunigt werden, denn ohne "
            "zusätzliches Angebot kann keine Regulierung die Knappheit beseitigen.",
            "Genehmigungsverfahren sollten dafür digitalisiert und "
            "Bauvorschriften zwischen den Ländern angeglichen werden.",
        ],
    ),
    (
        "columns",
        [
            ("h2", "Anhang: Begriffe"),
            (
                "p",
                [
                    "Die ortsübliche Vergleichsmiete ist die Miete, die in den "
                    "letzten sechs Jahren für vergleichbare Wohnungen vereinbart "
                    "wurde.",
                    "Sie wird meist aus dem örtlichen Mietspiegel abgelesen.",
                    "Eine Staffelmiete legt die künftigen Erhöhungen schon beim "
                    "Vertragsschluss fest.",
                    "Bei einer Indexmiete folgt die Miete dagegen der Entwicklung "
                    "der Verbraucherpreise.",
                    "Beide Formen sind auch in Gebieten mit Mietpreisbremse "
                    "zulässig, unterliegen dort aber zusätzlichen Grenzen.",
                ],
            ),
        ],
    ),
]


FURNITURE: dict[str, list[str]] = {
    "bericht": ["Arbeitspapier 3/2026", "Digitale Verwaltung"],
    "spalten": ["Kurzgutachten Verkehr", "Seite"],
    "nachtest": ["Stellungnahme Wohnen", "Mai 2026", "–"],
    "nachtest2": ["Pflege-Kompass", "Seite"],
    "nachtest3": ["Wärmeplanung 2026"],
    "nachtest4": ["Zeitschrift für Rechtspolitik", "Heft"],
    "nachtest5": ["Kurzstudie Mobilität", "Stand"],
}
"""Running header and footer text of each fixture (page numbers are checked by F1)."""

NACHTEST2: list[Block] = [
    ("h1", "Pflege auf dem Land"),
    (
        "p",
        [
            "Auf dem Land fehlen ambulante Pflegedienste, weil die Wege zwischen den "
            "Haushalten lang und die Fahrtkosten hoch sind.",
            "Angehörige übernehmen deshalb einen Großteil der Versorgung, oft neben "
            "einer Vollzeitbeschäftigung.{fn:Nach Schätzungen der Krankenkassen betrifft "
            "das rund zwei Drittel der Pflegebedürftigen.}",
        ],
    ),
    ("h3", "Nachbarschaftshilfe"),
    (
        "p",
        [
            "Einige Landkreise fördern Nachbarschaftsnetzwerke, in denen Ehrenamtliche "
            "Einkäufe, Arztfahrten und Besuche übernehmen.",
            "Die Koordination übernimmt eine hauptamtliche Fachkraft, die von der "
            "Gemeinde oder einem Wohlfahrtsverband angestellt ist.",
            "Wo solche Netzwerke bestehen, können Pflegebedürftige deutlich länger "
            "in ihrer eigenen Wohnung bleiben.",
        ],
    ),
    ("h3", "Telepflege"),
    (
        "p",
        [
            "Videosprechstunden und Sensoren in der Wohnung sollen Pflegekräfte entlasten.",
            "Die Erfahrungen aus Modellprojekten sind bisher gemischt, weil die "
            "Internetverbindungen in vielen Dörfern zu langsam sind.{fn:Siehe den "
            "Zwischenbericht der Begleitforschung.}",
            "Ohne den Ausbau der Breitbandnetze bleibt die Telepflege deshalb ein "
            "Versprechen für die Zukunft.",
        ],
    ),
]
"""Written after the importer was tuned: the second held-out document."""

NACHTEST3: list[Block] = [
    ("h1", "Kommunale Wärmeplanung"),
    ("h2", "Warum Wärmeplanung?"),
    (
        "p",
        [
            "Mehr als die Hälfte des Energiebedarfs in Deutschland entfällt auf Wärme, "
            "und der größte Teil davon wird noch mit Erdgas und Heizöl erzeugt.",
            "Das Wärmeplanungsgesetz verpflichtet deshalb alle Gemeinden, bis spätestens "
            "2028 einen Plan für eine klimaneutrale Wärmeversorgung vorzulegen.",
            "Größere Städte müssen schon zwei Jahre früher fertig sein.{fn:Die Frist "
            "gilt für Gemeinden mit mehr als hunderttausend Einwohnern.}",
        ],
    ),
    (
        "p",
        [
            "Für Hauseigentümerinnen und Hauseigentümer schafft der Plan "
            "Orientierung, weil er zeigt, wo künftig ein Wärmenetz verlegt wird.",
            "Wer weiß, dass sein Haus bald an ein Netz angeschlossen werden kann, "
            "muss keine eigene Wärmepumpe anschaffen.",
        ],
    ),
    ("h2", "Was ein Wärmeplan enthält"),
    (
        "p",
        [
            "Ein Wärmeplan besteht aus mehreren Teilen, die aufeinander aufbauen:",
        ],
    ),
    (
        "ul",
        [
            "Eine Bestandsanalyse erfasst, wie viel Wärme in jedem Quartier verbraucht "
            "und womit sie erzeugt wird.",
            "Eine Potenzialanalyse zeigt, welche erneuerbaren Quellen vor Ort zur "
            "Verfügung stehen, etwa Abwärme aus Industriebetrieben oder Geothermie.",
            "Ein Zielszenario beschreibt die Versorgung im Jahr 2045.",
        ],
    ),
    (
        "p",
        [
            "Aus diesen Teilen leitet die Gemeinde eine Umsetzungsstrategie mit "
            "konkreten Maßnahmen ab.",
            "Der Plan selbst ist rechtlich nicht bindend, er bereitet aber spätere "
            "Entscheidungen des Gemeinderats vor.",
        ],
    ),
    ("h3", "Beteiligung der Öffentlichkeit"),
    (
        "p",
        [
            "Bürgerinnen und Bürger sowie Unternehmen müssen während der Planung beteiligt werden.",
            "Viele Gemeinden veranstalten dazu Informationsabende und stellen "
            "Entwürfe im Internet zur Stellungnahme bereit.{fn:Eine Übersicht guter "
            "Beispiele bietet der Leitfaden des Kompetenzzentrums.}",
            "Die Erfahrung zeigt, dass frühe Beteiligung spätere Konflikte über "
            "Leitungstrassen und Heizzentralen deutlich verringert.",
        ],
    ),
    ("h2", "Offene Fragen"),
    (
        "p",
        [
            "Ungeklärt ist vielerorts noch, wer die Wärmenetze bauen und betreiben soll.",
            "Stadtwerke verfügen über Erfahrung, sind aber oft finanziell nicht in "
            "der Lage, Investitionen in dieser Größenordnung allein zu stemmen.",
            "Auch die Preisaufsicht über Wärmenetze ist bisher schwach ausgeprägt, "
            "was das Vertrauen der künftigen Kundinnen und Kunden belastet.",
            "Bund und Länder sollten hier rasch für klare Regeln sorgen.",
        ],
    ),
]
"""Written after ``nachtest2`` had been scored and the importer changed for it:
the third held-out document (running header from the chapter title, first-line
indents instead of paragraph gaps, a bulleted list, a bold subheading)."""

NACHTEST4: list[Block] = [
    ("h1", "Künstliche Intelligenz in der Justiz"),
    (
        "p",
        [
            "Gerichte in mehreren Bundesländern erproben Software, die Schriftsätze "
            "sortiert und ähnliche Verfahren erkennt.",
            "Dieser Beitrag fragt, wo solche Werkzeuge die Arbeit erleichtern und wo "
            "sie an verfassungsrechtliche Grenzen stoßen.",
        ],
    ),
    (
        "twocolumn",
        [
            ("h2", "I. Massenverfahren"),
            (
                "p",
                [
                    "Seit einigen Jahren erreichen die Zivilgerichte Tausende "
                    "gleichartiger Klagen, etwa wegen manipulierter Abgaswerte oder "
                    "verspäteter Flüge.",
                    "Die Schriftsätze unterscheiden sich oft nur in wenigen Angaben "
                    "wie Namen, Kaufdatum und Kilometerstand.",
                    "Ein Assistenzsystem kann diese Angaben herauslesen und in eine "
                    "Übersicht eintragen, die Richterinnen und Richter anschließend "
                    "prüfen.{fn:So das Pilotprojekt eines Oberlandesgerichts seit 2022.}",
                    "Die Entscheidung selbst bleibt dabei vollständig beim Menschen.",
                ],
            ),
            (
                "p",
                [
                    "Die bisherigen Erfahrungen sind ermutigend.",
                    "Nach Angaben der beteiligten Gerichte sinkt die Bearbeitungszeit "
                    "je Verfahren spürbar, während die Fehlerquote nicht steigt.",
                    "Allerdings mussten die Daten für das Training der Software "
                    "zunächst mühsam anonymisiert werden.",
                ],
            ),
            ("h2", "II. Grenzen"),
            (
                "p",
                [
                    "Das Grundgesetz garantiert jedem den gesetzlichen Richter.",
                    "Eine Software, die Urteile vorschlägt, darf deshalb nicht "
                    "faktisch an die Stelle der richterlichen Abwägung treten.{fn:Vgl. "
                    "Artikel 101 Absatz 1 Satz 2 des Grundgesetzes. |Ähnlich die "
                    "europäische Verordnung über künstliche Intelligenz.}",
                    "Problematisch ist vor allem der sogenannte Ankereffekt, wenn "
                    "Menschen einem maschinellen Vorschlag zu schnell folgen.",
                    "Transparenz über die Funktionsweise der Systeme ist daher unverzichtbar.",
                ],
            ),
            (
                "p",
                [
                    "Hinzu kommen Fragen des Datenschutzes, weil Gerichtsakten "
                    "besonders sensible Angaben enthalten.",
                    "Die Verarbeitung sollte ausschließlich auf Servern der Justiz stattfinden.",
                    "Nur so lässt sich ausschließen, dass private Anbieter Zugriff auf "
                    "vertrauliche Verfahrensdaten erhalten.",
                ],
            ),
            ("h2", "III. Ausblick"),
            (
                "p",
                [
                    "Künstliche Intelligenz wird die Justiz nicht ersetzen, aber sie "
                    "kann Richterinnen und Richter von Routinearbeit entlasten.",
                    "Dafür braucht es klare gesetzliche Regeln, unabhängige Prüfungen "
                    "der eingesetzten Systeme und Fortbildungen für das Personal.",
                    "Die Länder sollten ihre Pilotprojekte gemeinsam auswerten, statt "
                    "jeweils eigene Lösungen zu entwickeln.",
                ],
            ),
        ],
    ),
]
"""Written after ``nachtest3`` had been scored and the importer changed for it:
the fourth held-out document (an article set in two columns throughout, over
page breaks, under a one-column title)."""

NACHTEST5: list[Block] = [
    ("h1", "Radverkehr in Mittelstädten"),
    ("h2", "1. Ausgangslage"),
    (
        "p",
        [
            "In Städten mit fünfzig- bis hunderttausend Einwohnern wird das Fahrrad "
            "bislang deutlich seltener genutzt als in Großstädten.",
            "Die Wege wären oft kurz genug, doch fehlen sichere Radwege an den "
            "Hauptverkehrsstraßen.{fn:Als kurz gelten hier Wege unter fünf Kilometern, "
            "die etwa die Hälfte aller Alltagswege ausmachen.}",
            "Viele Eltern lassen ihre Kinder deshalb nicht mit dem Rad zur Schule fahren.",
        ],
    ),
    (
        "p",
        [
            "Die Verkehrsplanung vieler Mittelstädte stammt aus einer Zeit, in der "
            "der Autoverkehr als selbstverständlicher Maßstab galt.",
            "Umgestaltungen scheitern häufig an Parkplätzen, die niemand aufgeben möchte.",
            "Dabei zeigen Zählungen, dass der Einzelhandel in Innenstädten stärker "
            "von Fußgängern und Radfahrenden lebt als von Autofahrern.",
        ],
    ),
    ("h2", "2. Was andere Städte vormachen"),
    ("h3", "2.1 Durchgehende Netze"),
    (
        "p",
        [
            "Erfolgreiche Städte haben zuerst ein zusammenhängendes Netz geplant und "
            "dann Abschnitt für Abschnitt gebaut.",
            "Einzelne Radwege, die nach wenigen hundert Metern enden, bringen dagegen "
            "kaum zusätzliche Radfahrende.",
            "Wichtig sind auch sichere Kreuzungen, an denen die meisten Unfälle "
            "geschehen.{fn:Nach der Unfallstatistik der Länder ereignen sich rund "
            "zwei Drittel der Radunfälle an Knotenpunkten.}",
        ],
    ),
    ("h3", "2.2 Abstellanlagen"),
    (
        "p",
        [
            "Wer mit dem Rad zum Bahnhof fährt, braucht dort einen sicheren Abstellplatz.",
            "Überdachte Fahrradparkhäuser mit Zugangskontrolle werden gut angenommen, "
            "wenn sie direkt an den Bahnsteigen liegen.",
            "Auch Wohngebäude sollten ebenerdige Abstellräume erhalten, damit "
            "niemand sein Rad in den Keller tragen muss.",
        ],
    ),
    ("h2", "3. Empfehlungen"),
    (
        "p",
        [
            "Mittelstädte sollten ein Radverkehrskonzept mit verbindlichen "
            "Ausbauzielen beschließen.",
            "Land und Bund können die Umsetzung mit Förderprogrammen und "
            "Planungspersonal unterstützen.",
            "Entscheidend ist jedoch der politische Wille vor Ort, Straßenraum neu zu verteilen.",
        ],
    ),
]
"""Written after ``nachtest4`` had been scored and the importer changed for it:
the fifth held-out document (ragged right, raised note labels, header on
right-hand pages only, numbered subheadings)."""

LISTE: list[Block] = [
    ("h2", "Ergebnisse"),
    ("p", ["Die Auswertung ergab drei Befunde:"]),
    (
        "ul",
        [
            "Die Nachfrage ist in allen Regionen gestiegen, am stärksten in den Großstädten.",
            "Die Wartezeiten sind kürzer geworden.",
            "Die Zufriedenheit der Befragten blieb unverändert.",
        ],
    ),
    ("p", ["Diese Befunde werden im Folgenden erläutert."]),
]
"""A list typeset by WeasyPrint, whose bullets are drawn apart from the items."""


def _paragraph_html(sentences: list[str]) -> str:
    def footnote(match: re.Match[str]) -> str:
        return f'<span class="fn">{match.group(1).replace("|", "")}</span>'

    return "<p>" + " ".join(_FOOTNOTE.sub(footnote, s) for s in sentences) + "</p>"


def blocks_html(blocks: list[Block]) -> str:
    """The HTML body of ``blocks``."""
    parts = []
    for kind, content in blocks:
        if kind == "p":
            parts.append(_paragraph_html(content))  # type: ignore[arg-type]
        elif kind == "ul":
            items = "".join(f"<li>{item}</li>" for item in content)  # type: ignore[union-attr]
            parts.append(f"<ul>{items}</ul>")
        elif kind == "columns":
            parts.append(f'<div class="columns">{blocks_html(content)}</div>')  # type: ignore[arg-type]
        elif kind == "twocolumn":
            parts.append(f'<div class="twocolumn">{blocks_html(content)}</div>')  # type: ignore[arg-type]
        else:
            parts.append(f"<{kind}>{content}</{kind}>")
    return "\n".join(parts)


def gold_sentences(blocks: list[Block]) -> list[dict[str, str]]:
    """The gold sentences of ``blocks`` in reading order (footnotes after their sentence)."""
    gold: list[dict[str, str]] = []
    for kind, content in blocks:
        if kind in ("p", "ul"):
            for sentence in content:  # type: ignore[union-attr]
                gold.append({"text": _FOOTNOTE.sub("", sentence), "kind": "sentence"})
                for note in _FOOTNOTE.findall(sentence):
                    gold.extend(
                        {"text": part.strip(), "kind": "footnote"} for part in note.split("|")
                    )
        elif kind in ("columns", "twocolumn"):
            gold.extend(gold_sentences(content))  # type: ignore[arg-type]
        elif kind == "box":
            gold.extend({"text": s, "kind": "sentence"} for s in content)  # type: ignore[union-attr]
        elif kind == "margin":
            gold.append({"text": str(content), "kind": "sentence"})
        elif kind == "table":
            gold.append({"text": content[0], "kind": "sentence"})  # type: ignore[index]
        else:
            gold.append({"text": str(content), "kind": "heading"})
    return gold


# Texts of the real-producer corpus (scripts/build_pdf_producers.py): typeset by
# LibreOffice, pdfLaTeX (OT1 and T1) and pandoc. Block kinds beyond the ones
# above: ("box", [sentence, ...]) a framed box or pull quote, ("margin", text) a
# margin note (LaTeX \marginpar) printed beside the paragraph that follows, and
# ("table", (caption, [[cell, ...], ...])) a table whose caption is a sentence
# and whose cells are no sentences. The REPORTING texts were written, with their
# gold, before the importer was changed for these producers and are scored
# only; PROBE is the tuning text of each producer (with BERICHT).

PROBE: list[Block] = [
    ("h1", "Stadtbäume im Klimawandel"),
    (
        "p",
        [
            "Straßenbäume kühlen die Innenstädte an heißen Tagen um mehrere Grad ab "
            "und binden Feinstaub.{fn:Messungen des Umweltamtes aus den Sommern 2022 "
            "bis 2024.}",
            "Gleichzeitig leiden sie selbst unter Trockenheit, verdichteten Böden und Streusalz.",
            "Viele Gemeinden ersetzen deshalb abgestorbene Linden und Ahorne durch "
            "wärmeverträgliche Arten aus Südosteuropa.",
        ],
    ),
    ("margin", "Neue Baumarten"),
    (
        "p",
        [
            "Die Baumschulen reagieren darauf mit einem veränderten Sortiment, das "
            "Zerr-Eichen, Silber-Linden und Hopfenbuchen umfasst.",
            "Ob diese Bäume in fünfzig Jahren noch gesund sind, weiß allerdings niemand genau.",
            "Versuchspflanzungen in zwölf Städten sollen bis zum Ende des "
            "Jahrzehnts belastbare Ergebnisse liefern.",
        ],
    ),
    (
        "box",
        [
            "Ein ausgewachsener Baum verdunstet an einem Sommertag mehrere hundert Liter Wasser.",
        ],
    ),
    ("h2", "Bewässerung und Pflege"),
    (
        "p",
        [
            "In den ersten drei Standjahren müssen junge Bäume regelmäßig gegossen werden.",
            "Einige Stadtverwaltungen bitten Anwohnerinnen und Anwohner per E-Mail "
            "und über Aushänge, Baumpatenschaften zu übernehmen.",
            "Die Bewässerungssäcke, die dafür ausgegeben werden, fassen etwa "
            "siebzig Liter.{fn:Die Säcke geben das Wasser über mehrere Stunden ab. "
            "|Sie werden im Herbst wieder eingesammelt.}",
            "Größere Pflanzgruben mit durchwurzelbarem Substrat verlängern die "
            "Lebensdauer der Bäume erheblich.",
        ],
    ),
    (
        "table",
        (
            "Tabelle 1: Pflanzungen nach Baumart",
            [["Baumart", "Anzahl"], ["Zerr-Eiche", "412"], ["Hopfenbuche", "280"]],
        ),
    ),
    (
        "p",
        [
            "Die Kosten einer Neupflanzung liegen je nach Standort zwischen zwei- "
            "und viertausend Euro.",
            "Hinzu kommen die Ausgaben für Pflege, Kontrolle und Verkehrssicherung.",
        ],
    ),
    (
        "ul",
        [
            "Standorte mit ausreichend Wurzelraum wählen.",
            "Arten mischen, damit ein Schädling nicht ganze Alleen vernichtet.",
            "Die Bürgerschaft frühzeitig beteiligen.",
        ],
    ),
]

REPORTING_BIBLIOTHEK: list[Block] = [
    ("h1", "Öffentliche Bibliotheken als dritte Orte"),
    (
        "p",
        [
            "Öffentliche Bibliotheken haben sich in den vergangenen zwei Jahrzehnten "
            "grundlegend gewandelt.",
            "Neben der Ausleihe von Büchern bieten sie heute Arbeitsplätze, "
            "Veranstaltungsräume und Werkstätten mit 3D-Druckern an.",
            "Die Stadtbibliothek einer mittelgroßen Kommune zählt inzwischen mehr "
            "Besucherinnen und Besucher als das örtliche Schwimmbad.{fn:Angaben der "
            "Deutschen Bibliotheksstatistik für das Berichtsjahr 2023.}",
        ],
    ),
    ("h2", "1. Veränderte Nutzung"),
    (
        "p",
        [
            "Während die Zahl der Entleihungen gedruckter Medien leicht zurückgeht, "
            "steigt die Aufenthaltsdauer in den Räumen deutlich.",
            "Schülerinnen und Schüler nutzen die Bibliothek als ruhigen Lernort, "
            "Berufstätige als Ausweichbüro.",
            "Viele Häuser haben ihre Öffnungszeiten deshalb auf die Abendstunden und "
            "den Sonntag ausgedehnt.",
            "Möglich wird das durch sogenannte Open-Library-Konzepte, bei denen "
            "registrierte Nutzer die Räume auch ohne Personal betreten können.",
        ],
    ),
    ("margin", "Offene Bibliothek"),
    (
        "p",
        [
            "Der Zugang erfolgt in der Regel mit dem Bibliotheksausweis und einer "
            "persönlichen Geheimzahl.",
            "Kameras am Eingang und eine automatische Verbuchung ersetzen die "
            "Aufsicht an der Theke.{fn:Die Datenschutzbeauftragten der Länder haben "
            "dazu im Jahr 2022 gemeinsame Hinweise veröffentlicht.}",
            "Erfahrungen aus Dänemark zeigen, dass Vandalismus dabei seltener "
            "vorkommt als befürchtet.",
        ],
    ),
    ("h2", "2. Finanzierung und Personal"),
    (
        "p",
        [
            "Bibliotheken gehören in Deutschland zu den freiwilligen Aufgaben der Kommunen.",
            "In Zeiten knapper Haushalte geraten sie deshalb als Erste unter Sparzwang.",
            "Zahlreiche Zweigstellen wurden in den Neunzigerjahren geschlossen, und "
            "nur ein Teil davon ist später als Bürgerbibliothek mit ehrenamtlichem "
            "Personal wiedereröffnet worden.",
            "Fachleute fordern deshalb seit Langem ein Bibliotheksgesetz, das "
            "Mindeststandards für Ausstattung und Erreichbarkeit festlegt.",
        ],
    ),
    (
        "box",
        [
            "Eine Bibliothek ist der einzige Ort in der Stadt, an dem niemand etwas kaufen muss.",
        ],
    ),
    (
        "p",
        [
            "Die Qualifikation des Personals verändert sich ebenfalls.",
            "Neben Bibliothekarinnen und Bibliothekaren arbeiten heute "
            "Medienpädagogen, Veranstaltungsmanagerinnen und IT-Fachleute in den "
            "Häusern.",
            "Fortbildungen zu Datenbanken, Urheberrecht und digitaler "
            "Leseförderung sind ein fester Bestandteil der Personalentwicklung.",
        ],
    ),
    ("h2", "3. Ausblick"),
    (
        "p",
        [
            "Ob Bibliotheken ihre neue Rolle dauerhaft ausfüllen können, hängt vor "
            "allem von verlässlichen Budgets ab.",
            "Kooperationen mit Volkshochschulen, Schulen und Vereinen können dabei "
            "helfen, Räume und Angebote gemeinsam zu nutzen.",
            "Die Bibliothek der Zukunft wäre dann weniger ein Lager für Bücher als "
            "ein Treffpunkt für die ganze Nachbarschaft.",
        ],
    ),
]

REPORTING_SPEICHER: list[Block] = [
    ("h1", "Stromspeicher für die Energiewende"),
    (
        "p",
        [
            "Mit dem wachsenden Anteil von Wind- und Solarstrom steigt der Bedarf an "
            "Speichern, die Erzeugung und Verbrauch zeitlich entkoppeln.",
            "Dieser Beitrag vergleicht Batteriespeicher, Pumpspeicherkraftwerke und "
            "Wasserstoff nach Kosten, Wirkungsgrad und Flächenbedarf.",
        ],
    ),
    ("h2", "Kurzzeitspeicher"),
    (
        "p",
        [
            "Lithium-Ionen-Batterien dominieren den Markt für Speicher mit einer "
            "Entladedauer von bis zu vier Stunden.",
            "Ihre Preise sind seit 2010 um rund neunzig Prozent gefallen.{fn:Eigene "
            "Auswertung von Herstellerangaben und Ausschreibungsergebnissen.}",
            "Großbatterien an Umspannwerken stabilisieren heute schon die Frequenz "
            "im Übertragungsnetz.",
            "Heimspeicher in Einfamilienhäusern erhöhen vor allem den Eigenverbrauch "
            "von Photovoltaikanlagen, entlasten das Netz aber nur, wenn sie "
            "netzdienlich betrieben werden.",
        ],
    ),
    ("margin", "Pumpspeicher"),
    (
        "p",
        [
            "Pumpspeicherkraftwerke sind die älteste großtechnische Speicherform.",
            "Sie erreichen Wirkungsgrade von etwa achtzig Prozent, benötigen aber "
            "Höhenunterschiede, die es in Norddeutschland kaum gibt.",
            "Neue Projekte scheitern häufig an Genehmigungsverfahren und am Widerstand vor Ort.",
        ],
    ),
    ("h2", "Langzeitspeicher"),
    (
        "p",
        [
            "Für Dunkelflauten, die sich über mehrere Wochen erstrecken können, "
            "reichen Batterien nicht aus.",
            "Hier kommt die Umwandlung von Strom in Wasserstoff ins Spiel, der in "
            "Salzkavernen gelagert und später in Gaskraftwerken rückverstromt wird.",
            "Der Gesamtwirkungsgrad dieser Kette liegt allerdings nur bei dreißig "
            "bis vierzig Prozent.{fn:Ohne Nutzung der Abwärme. |Mit Kraft-Wärme-"
            "Kopplung steigt der Wert deutlich.}",
            "Trotzdem halten die meisten Szenarien einen Wasserstoffspeicher in der "
            "Größenordnung von mehreren Terawattstunden für notwendig.",
        ],
    ),
    (
        "table",
        (
            "Tabelle 1: Wirkungsgrade im Vergleich",
            [["Speicher", "Wirkungsgrad"], ["Batterie", "90 %"], ["Pumpspeicher", "80 %"]],
        ),
    ),
    ("h2", "Fazit"),
    (
        "p",
        [
            "Keine Technik kann allein alle Aufgaben übernehmen.",
            "Ein kluger Mix aus kurz- und langfristigen Speichern, flexiblen "
            "Verbrauchern und einem gut ausgebauten Netz senkt die Kosten des "
            "Gesamtsystems am stärksten.",
            "Die Regulierung sollte Speicher deshalb nicht länger wie Verbraucher "
            "behandeln, die für jede Kilowattstunde Netzentgelte zahlen.",
        ],
    ),
]

REPORTING_EHRENAMT: list[Block] = [
    ("h1", "Ehrenamt im ländlichen Raum"),
    (
        "p",
        [
            "Freiwillige Feuerwehren, Sportvereine und Kirchengemeinden tragen das "
            "soziale Leben vieler Dörfer.",
            "Doch die Zahl der Menschen, die sich dauerhaft binden wollen, sinkt seit Jahren.",
            "Die folgende Untersuchung beruht auf Interviews mit Vorständen aus "
            "vierzig Vereinen in drei Landkreisen.",
        ],
    ),
    ("h2", "Befunde"),
    (
        "p",
        [
            "Fast alle Befragten berichten von Schwierigkeiten, Vorstandsposten zu besetzen.",
            "Besonders gefragt sind Kassenwarte, weil die steuerlichen Pflichten "
            "gemeinnütziger Vereine als kompliziert gelten.{fn:Vgl. die "
            "Arbeitshilfe des Landesfinanzministeriums, S. 11–12.}",
            "Jüngere Menschen engagieren sich eher projektbezogen, etwa bei einem "
            "Dorffest oder einer Pflanzaktion.",
            "Sie erwarten kurze Wege, digitale Absprachen und die Freiheit, sich "
            "nach einigen Monaten wieder zurückzuziehen.",
        ],
    ),
    (
        "box",
        [
            "Vier von fünf Vereinen suchen derzeit jemanden für die Kasse.",
        ],
    ),
    (
        "p",
        [
            "Zugezogene Familien bringen neue Ideen mit, finden aber nicht immer "
            "Anschluss an gewachsene Strukturen.",
            "Wo Vereine gezielt auf sie zugehen, etwa mit Schnupperangeboten oder "
            "einem Begrüßungsabend, gelingt die Integration deutlich besser.",
            "Face-to-Face-Gespräche bleiben dabei wichtiger als jede Werbung in "
            "sozialen Netzwerken.",
        ],
    ),
    ("h2", "Empfehlungen"),
    (
        "p",
        [
            "Die Landkreise sollten Ehrenamtsagenturen einrichten, die Vereine bei "
            "Verwaltung, Versicherung und Fördermitteln beraten.",
            "Sammelbuchhaltungen für mehrere kleine Vereine könnten die "
            "Kassenwarte spürbar entlasten.",
            "Schließlich verdient freiwilliges Engagement mehr öffentliche "
            "Anerkennung, zum Beispiel durch Ehrenamtskarten mit Vergünstigungen "
            "in Museen und Bädern.",
        ],
    ),
    (
        "ul",
        [
            "Beratung aus einer Hand anbieten.",
            "Vorstandsämter teilen und befristen.",
            "Engagement öffentlich würdigen.",
        ],
    ),
]

PRODUCER_FURNITURE: dict[str, list[str]] = {
    "probe": ["Arbeitspapier Grünflächen", "Seite"],
    "bericht": ["Arbeitspapier 3/2026", "Digitale Verwaltung"],
    "bibliothek": ["Kulturbericht 2026", "Seite"],
    "speicher": ["Energie kompakt", "Heft"],
    "ehrenamt": ["Landkreisstudie Ehrenamt", "Seite"],
}
"""Running header/footer text the producer corpus prints, by text name."""
