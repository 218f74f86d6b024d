"""Fictional demo texts: German sources and their translations, keyed by the German string.

wagtail-localize splits each page into strings; the demo loader fills every string
it finds here, so an English page is a real, synchronised translation of the German one.
"""

ORGANISATION = {
    "organisation_name": "Quartiersbüro Aachen-Nord e. V. (Demo)",
    "legal_form": "eingetragener Verein, Amtsgericht Aachen, VR 0000 (fiktiv)",
    "represented_by": "Der Vorstand: Alex Beispiel, Kim Muster (fiktiv)",
    "street": "Am Alten Depot 1",
    "postcode": "52070",
    "city": "Aachen",
    "country": "Deutschland",
    "phone": "+49 241 0000000 (Demo)",
    "email": "info@made-in-aachen-nord.example",
    "register_entry": "Vereinsregister Amtsgericht Aachen, VR 0000 (fiktiv)",
    "vat_id": "DE000000000",
    "content_responsible": "Alex Beispiel, Am Alten Depot 1, 52070 Aachen (fiktiv)",
    "instagram_url": "https://instagram.example/madeinaachennord",
    "mastodon_url": "https://mastodon.example/@madeinaachennord",
}

# Finance's settings object (home.PaymentSettings), apart from the organisation that Marketing edits.
BANK_DETAILS = {
    "bank_account_holder": "Quartiersbüro Aachen-Nord e. V. (Demo)",
    "bank_name": "Beispielbank Aachen (fiktiv)",
    "iban": "DE00 0000 0000 0000 0000 00",
    "bic": "DEMODEXXXXX",
}

HOME = {
    "title": "Made in Aachen-Nord",
    "hero_heading": "Design aus Aachen-Nord, gefertigt im alten Straßenbahndepot",
    "hero_text": "Regionale Designerinnen und Designer entwerfen, die Sozialwerkstatt im Depot fertigt: Produkte mit Herkunft.",
    "hero_link_label": "Zum Shop",
    "intro": "<p>Made in Aachen-Nord ist das Designlabel des Stadterneuerungsprogramms für Aachen-Nord. Wir lizenzieren Entwürfe aus der Region, lassen sie in der Sozialwerkstatt fertigen und verkaufen sie online, im Museumsshop und in Pop-up-Stores.</p>",
}

# Each page: slug, title, introduction, body blocks as (type, value) and whether it is in the menu.
PAGES = [
    {
        "key": "about",
        "slug": "ueber-uns",
        "title": "Über uns",
        "in_menu": True,
        "introduction": "Ein Label für das Viertel: Design, Arbeit und Stadtteilentwicklung an einem Ort.",
        "body": [
            ("heading", "Die Idee"),
            ("paragraph", "<p>Im Rahmen der Stadterneuerung in Aachen-Nord entstand ein Label, das kreative Köpfe aus der Region mit der Sozialwerkstatt im ehemaligen Straßenbahndepot zusammenbringt.</p>"),
            ("heading", "Die Werkstatt"),
            ("paragraph", "<p>In der Sozialwerkstatt arbeiten Menschen, die lange keine Arbeit hatten. Sie nähen, drucken und bauen die Produkte des Labels und sammeln dabei Erfahrung und Qualifikationen.</p>"),
            ("quote", ("Gutes Design gehört in den Alltag und in unser Viertel.", "Eine Designerin des Labels (fiktiv)")),
        ],
    },
    {
        "key": "shipping",
        "slug": "versand-und-zahlung",
        "title": "Versand und Zahlung",
        "in_menu": False,
        "introduction": "Alle Preise enthalten die gesetzliche Mehrwertsteuer, zuzüglich Versandkosten.",
        # Generated from the shop's shipping and payment methods (home.legal_documents): never typed in.
        "body": [("shipping_and_payment", None)],
    },
    {
        "key": "imprint",
        "slug": "impressum",
        "title": "Impressum",
        "in_menu": False,
        "introduction": "Angaben gemäß § 5 Digitale-Dienste-Gesetz (DDG).",
        "body": [
            ("organisation_details", None),
            ("heading", "Streitschlichtung"),
            ("paragraph", "<p>Wir sind nicht bereit und nicht verpflichtet, an Streitbeilegungsverfahren vor einer Verbraucherschlichtungsstelle teilzunehmen.</p>"),
            ("paragraph", "<p>Dies ist eine Demo-Website. Alle Angaben sind fiktiv.</p>"),
        ],
    },
    {
        "key": "privacy",
        "slug": "datenschutz",
        "title": "Datenschutzerklärung",
        "in_menu": False,
        "introduction": "Wie wir mit Ihren Daten umgehen.",
        "body": [
            ("heading", "Verantwortlicher"),
            ("paragraph", "<p>Verantwortlich für die Datenverarbeitung auf dieser Website ist der im Impressum genannte Anbieter.</p>"),
            ("heading", "Server-Logdateien"),
            ("paragraph", "<p>Bei jedem Aufruf speichert unser Webserver die IP-Adresse, Datum und Uhrzeit, die aufgerufene Adresse, den Statuscode, die übertragene Datenmenge, die zuvor besuchte Seite (Referrer) und die Browserkennung. Wir brauchen diese Daten, um die Website sicher zu betreiben und Fehler zu finden (Art. 6 Abs. 1 lit. f DSGVO), und löschen sie nach 14 Tagen.</p>"),
            ("heading", "Cookies"),
            ("paragraph", "<p>Wir setzen nur Cookies, die für den Betrieb der Website technisch unbedingt erforderlich sind (§ 25 Abs. 2 Nr. 2 TDDDG). Dafür brauchen wir keine Einwilligung. Es gibt keine Analyse-, Tracking- oder Werbe-Cookies und keinen „Zuletzt angesehen“-Verlauf; auch im Browser-Speicher (localStorage) legen wir nichts ab.</p>"),
            ("cookie_list", None),
            ("heading", "Bestellungen"),
            ("paragraph", "<p>Für die Abwicklung Ihrer Bestellung verarbeiten wir Name, Anschrift, E-Mail-Adresse, gegebenenfalls Telefonnummer und die Bestelldaten (Art. 6 Abs. 1 lit. b DSGVO). Rechnungsdaten bewahren wir so lange auf, wie es Handels- und Steuerrecht verlangen (bis zu zehn Jahre, Art. 6 Abs. 1 lit. c DSGVO). Erklären Sie einen Widerruf über die Schaltfläche „Vertrag widerrufen“, speichern wir Ihre Erklärung mit Datum und Uhrzeit als Nachweis (Art. 6 Abs. 1 lit. c DSGVO).</p>"),
            ("heading", "Versand mit DHL"),
            ("paragraph", "<p>Wenn Sie die Lieferung per Paket wählen, geben wir Ihren Namen und Ihre Lieferanschrift an die DHL Paket GmbH, Sträßchensweg 10, 53113 Bonn, weiter, damit sie das Paket zustellen kann (Art. 6 Abs. 1 lit. b DSGVO). Ihre E-Mail-Adresse geben wir nicht weiter. Bei Abholung geben wir keine Daten an Dritte.</p>"),
            ("heading", "Zahlung"),
            ("paragraph", "<p>Sie bezahlen per Vorkasse (Überweisung) oder bei Abholung. Bei einer Überweisung erhalten wir von unserer Bank Ihren Namen, Ihre Kontoverbindung, den Betrag und den Verwendungszweck (Art. 6 Abs. 1 lit. b und c DSGVO). Einen Online-Zahlungsdienst nutzen wir nicht.</p>"),
            ("heading", "E-Mails"),
            ("paragraph", "<p>Bestellbestätigungen, Rechnungen und Bestätigungen eines Widerrufs versenden wir über den E-Mail-Dienst unseres Hosting-Anbieters, der sie in unserem Auftrag verarbeitet (Art. 28 DSGVO). Einen Newsletter versenden wir nicht, und unsere E-Mails enthalten keine Zählpixel.</p>"),
            ("heading", "Videos"),
            ("paragraph", "<p>Eingebettete Videos (z. B. von YouTube oder Vimeo) laden wir erst, wenn Sie auf „Video laden“ klicken. Erst dann überträgt Ihr Browser Daten wie Ihre IP-Adresse an den Anbieter des Videos (Art. 6 Abs. 1 lit. a DSGVO). Vorher wird keine Verbindung zum Anbieter aufgebaut.</p>"),
            ("heading", "Ihre Rechte"),
            ("paragraph", "<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung, Datenübertragbarkeit und Widerspruch sowie das Recht auf Beschwerde bei einer Aufsichtsbehörde, zum Beispiel der Landesbeauftragten für Datenschutz und Informationsfreiheit Nordrhein-Westfalen.</p>"),
        ],
    },
    {
        "key": "terms",
        "slug": "agb",
        "title": "Allgemeine Geschäftsbedingungen",
        "in_menu": False,
        "introduction": "Für Bestellungen im Online-Shop von Made in Aachen-Nord.",
        "body": [
            ("heading", "§ 1 Geltungsbereich"),
            ("paragraph", "<p>Diese Bedingungen gelten für alle Bestellungen von Verbraucherinnen und Verbrauchern über diesen Online-Shop.</p>"),
            ("heading", "§ 2 Vertragsschluss"),
            ("paragraph", "<p>Die Darstellung der Produkte ist kein bindendes Angebot. Mit dem Klick auf „zahlungspflichtig bestellen“ geben Sie eine verbindliche Bestellung ab. Der Vertrag kommt mit unserer Auftragsbestätigung per E-Mail zustande.</p>"),
            ("contract_information", None),
            ("heading", "§ 3 Preise und Versand"),
            ("paragraph", "<p>Alle Preise sind Endpreise inklusive Mehrwertsteuer, zuzüglich Versandkosten. Versandkosten, Lieferländer und Abholorte stehen auf der Seite „Versand und Zahlung“ und vor Abschluss der Bestellung im Bestellvorgang.</p>"),
            ("heading", "§ 4 Zahlung"),
            ("paragraph", "<p>Sie bezahlen per Vorkasse (Überweisung auf unser in der Bestellbestätigung genanntes Konto) oder, bei Abholung, bar oder mit Karte vor Ort. Bei Vorkasse versenden wir die Ware nach Eingang der Zahlung.</p>"),
            ("heading", "§ 5 Lieferung"),
            ("paragraph", "<p>Wir liefern mit DHL innerhalb Deutschlands und in die Mitgliedstaaten der Europäischen Union, die auf der Seite „Versand und Zahlung“ genannt sind. Bei Abholung halten wir die Ware an dem gewählten Abholort für Sie bereit.</p>"),
            ("delivery_times", None),
            ("heading", "§ 6 Widerrufsrecht"),
            ("paragraph", "<p>Verbraucherinnen und Verbrauchern steht ein Widerrufsrecht nach Maßgabe der Widerrufsbelehrung zu.</p>"),
            ("heading", "§ 7 Gewährleistung"),
            ("paragraph", "<p>Es gilt das gesetzliche Mängelhaftungsrecht (§§ 434 ff. BGB). Ist eine Ware mangelhaft, können Sie Nacherfüllung verlangen und, wenn diese fehlschlägt, vom Vertrag zurücktreten, den Preis mindern sowie Schadensersatz verlangen. Die Ansprüche verjähren in zwei Jahren ab Lieferung.</p>"),
            ("heading", "§ 8 Streitbeilegung"),
            ("paragraph", "<p>Wir sind nicht bereit und nicht verpflichtet, an Streitbeilegungsverfahren vor einer Verbraucherschlichtungsstelle teilzunehmen (§ 36 Verbraucherstreitbeilegungsgesetz).</p>"),
        ],
    },
    {
        "key": "withdrawal",
        "slug": "widerrufsbelehrung",
        "title": "Widerrufsbelehrung",
        "in_menu": False,
        "introduction": "Verbraucherinnen und Verbraucher haben ein vierzehntägiges Widerrufsrecht.",
        # The statutory texts (Anlage 1 and 2 EGBGB), filled in from the site settings (home.legal_documents).
        "body": [("withdrawal_policy", None), ("withdrawal_form", None)],
    },
    {
        "key": "accessibility",
        "slug": "barrierefreiheit",
        "title": "Erklärung zur Barrierefreiheit",
        "in_menu": False,
        "introduction": "Wie barrierefrei dieser Online-Shop ist (Barrierefreiheitsstärkungsgesetz, BFSG).",
        "body": [
            ("heading", "Stand der Vereinbarkeit"),
            ("paragraph", "<p>Wir gestalten diese Website und den Online-Shop nach den Anforderungen des Barrierefreiheitsstärkungsgesetzes (BFSG) und der Norm EN 301 549 (WCAG 2.1, Stufe AA). Jede Seite ist mit der Tastatur bedienbar, hat eine Überschriftenstruktur, Textalternativen für Bilder und ausreichende Kontraste; Formulare haben Beschriftungen und verständliche Fehlermeldungen. Wir prüfen die wichtigsten Wege (Einkauf, Bestellung, Widerruf) automatisiert mit axe-core.</p>"),
            ("heading", "Bekannte Einschränkungen"),
            ("paragraph", "<p>Eingebettete Videos von Drittanbietern sind nicht immer untertitelt. PDF-Dokumente (Rechnungen, AGB, Widerrufsformular) sind nicht vollständig getaggt; die Inhalte stehen auch als Webseite oder im Text der E-Mail zur Verfügung.</p>"),
            ("heading", "Barrieren melden"),
            ("accessibility_feedback", None),
            ("heading", "Marktüberwachungsbehörde"),
            ("paragraph", "<p>Wenn Sie meinen, dass unser Angebot die Anforderungen an die Barrierefreiheit nicht erfüllt, können Sie sich an die zuständige Marktüberwachungsbehörde wenden: Marktüberwachungsstelle der Länder für die Barrierefreiheit von Produkten und Dienstleistungen (MLBF), Magdeburg.</p>"),
        ],
    },
]

LEGAL_SETTINGS = {
    "imprint": "imprint_page",
    "privacy": "privacy_page",
    "terms": "terms_page",
    "withdrawal": "withdrawal_page",
    "shipping": "shipping_page",
    "accessibility": "accessibility_page",
}

# Which demo pages exist in which language besides German.
TRANSLATED_PAGES = {
    "en": ["home", "about", "shipping", "imprint", "privacy", "terms", "withdrawal", "accessibility"],
    "nl": ["home", "about"],
    "fr": ["home", "about"],
}

TRANSLATIONS = {
    "en": {
        "Made in Aachen-Nord": "Made in Aachen-Nord",
        "Design aus Aachen-Nord, gefertigt im alten Straßenbahndepot": "Design from Aachen-Nord, made in the old tram depot",
        "Regionale Designerinnen und Designer entwerfen, die Sozialwerkstatt im Depot fertigt: Produkte mit Herkunft.": "Regional designers create, the social workshop in the depot makes: products with a place of origin.",
        "Zum Shop": "Visit the shop",
        "Made in Aachen-Nord ist das Designlabel des Stadterneuerungsprogramms für Aachen-Nord. Wir lizenzieren Entwürfe aus der Region, lassen sie in der Sozialwerkstatt fertigen und verkaufen sie online, im Museumsshop und in Pop-up-Stores.": "Made in Aachen-Nord is the design label of the urban renewal programme for Aachen-Nord. We license designs from the region, have them made in the social workshop and sell them online, in the museum shop and in pop-up stores.",
        "ueber-uns": "about-us",
        "Über uns": "About us",
        "Ein Label für das Viertel: Design, Arbeit und Stadtteilentwicklung an einem Ort.": "A label for the district: design, work and neighbourhood development in one place.",
        "Die Idee": "The idea",
        "Im Rahmen der Stadterneuerung in Aachen-Nord entstand ein Label, das kreative Köpfe aus der Region mit der Sozialwerkstatt im ehemaligen Straßenbahndepot zusammenbringt.": "As part of the urban renewal of Aachen-Nord, a label was founded that brings creative minds from the region together with the social workshop in the former tram depot.",
        "Die Werkstatt": "The workshop",
        "In der Sozialwerkstatt arbeiten Menschen, die lange keine Arbeit hatten. Sie nähen, drucken und bauen die Produkte des Labels und sammeln dabei Erfahrung und Qualifikationen.": "The social workshop employs people who had been out of work for a long time. They sew, print and build the label's products and gain experience and qualifications along the way.",
        "Gutes Design gehört in den Alltag und in unser Viertel.": "Good design belongs in everyday life and in our district.",
        "Eine Designerin des Labels (fiktiv)": "A designer of the label (fictional)",
        "versand-und-zahlung": "shipping-and-payment",
        "Versand und Zahlung": "Shipping and payment",
        "Alle Preise enthalten die gesetzliche Mehrwertsteuer, zuzüglich Versandkosten.": "All prices include statutory VAT, plus shipping.",
        "Zahlung": "Payment",
        "impressum": "legal-notice",
        "Impressum": "Legal notice",
        "Angaben gemäß § 5 Digitale-Dienste-Gesetz (DDG).": "Information pursuant to § 5 of the German Digital Services Act (DDG).",
        "Streitschlichtung": "Dispute resolution",
        "Wir sind nicht bereit und nicht verpflichtet, an Streitbeilegungsverfahren vor einer Verbraucherschlichtungsstelle teilzunehmen.": "We are neither willing nor obliged to take part in dispute resolution proceedings before a consumer arbitration board.",
        "Dies ist eine Demo-Website. Alle Angaben sind fiktiv.": "This is a demo website. All details are fictional.",
        "datenschutz": "privacy",
        "Datenschutzerklärung": "Privacy policy",
        "Wie wir mit Ihren Daten umgehen.": "How we handle your data.",
        "Verantwortlicher": "Controller",
        "Verantwortlich für die Datenverarbeitung auf dieser Website ist der im Impressum genannte Anbieter.": "The provider named in the legal notice is responsible for data processing on this website.",
        "Bestellungen": "Orders",
        "Für die Abwicklung Ihrer Bestellung verarbeiten wir Name, Anschrift, E-Mail-Adresse und Bestelldaten (Art. 6 Abs. 1 lit. b DSGVO). Rechnungsdaten bewahren wir so lange auf, wie es Handels- und Steuerrecht verlangen.": "To process your order we use your name, address, email address and order details (Art. 6(1)(b) GDPR). We keep invoice data for as long as commercial and tax law require.",
        "Cookies": "Cookies",
        "Ihre Rechte": "Your rights",
        "Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung, Datenübertragbarkeit und Widerspruch sowie das Recht auf Beschwerde bei einer Aufsichtsbehörde.": "You have the right of access, rectification, erasure, restriction of processing, data portability and objection, and the right to lodge a complaint with a supervisory authority.",
        "agb": "terms",
        "Allgemeine Geschäftsbedingungen": "Terms and conditions",
        "Für Bestellungen im Online-Shop von Made in Aachen-Nord.": "For orders in the Made in Aachen-Nord online shop.",
        "§ 1 Geltungsbereich": "§ 1 Scope",
        "Diese Bedingungen gelten für alle Bestellungen von Verbraucherinnen und Verbrauchern über diesen Online-Shop.": "These terms apply to all orders placed by consumers through this online shop.",
        "§ 2 Vertragsschluss": "§ 2 Conclusion of contract",
        "Die Darstellung der Produkte ist kein bindendes Angebot. Mit dem Klick auf „zahlungspflichtig bestellen“ geben Sie eine verbindliche Bestellung ab. Der Vertrag kommt mit unserer Auftragsbestätigung per E-Mail zustande.": "The presentation of products is not a binding offer. By clicking “Order and pay” you place a binding order. The contract is concluded with our order confirmation by email.",
        "§ 3 Preise und Versand": "§ 3 Prices and shipping",
        "Alle Preise sind Endpreise inklusive Mehrwertsteuer, zuzüglich Versandkosten.": "All prices are final prices including VAT, plus shipping.",
        "Verbraucherinnen und Verbrauchern steht ein Widerrufsrecht nach Maßgabe der Widerrufsbelehrung zu.": "Consumers have a right of withdrawal as set out in the withdrawal policy.",
        "widerrufsbelehrung": "right-of-withdrawal",
        "Widerrufsbelehrung": "Right of withdrawal",
        "Verbraucherinnen und Verbraucher haben ein vierzehntägiges Widerrufsrecht.": "Consumers have a fourteen-day right of withdrawal.",
        "Server-Logdateien": "Server log files",
        "Bei jedem Aufruf speichert unser Webserver die IP-Adresse, Datum und Uhrzeit, die aufgerufene Adresse, den Statuscode, die übertragene Datenmenge, die zuvor besuchte Seite (Referrer) und die Browserkennung. Wir brauchen diese Daten, um die Website sicher zu betreiben und Fehler zu finden (Art. 6 Abs. 1 lit. f DSGVO), und löschen sie nach 14 Tagen.": "On every request our web server stores the IP address, date and time, the address requested, the status code, the amount of data sent, the page visited before (referrer) and the browser identification. We need these data to run the website securely and to find errors (Art. 6(1)(f) GDPR) and delete them after 14 days.",
        "Wir setzen nur Cookies, die für den Betrieb der Website technisch unbedingt erforderlich sind (§ 25 Abs. 2 Nr. 2 TDDDG). Dafür brauchen wir keine Einwilligung. Es gibt keine Analyse-, Tracking- oder Werbe-Cookies und keinen „Zuletzt angesehen“-Verlauf; auch im Browser-Speicher (localStorage) legen wir nichts ab.": "We only set cookies that are strictly necessary to run the website (§ 25(2) no. 2 TDDDG); they need no consent. There are no analytics, tracking or advertising cookies and no “recently viewed” history; we store nothing in the browser’s storage (localStorage) either.",
        "Für die Abwicklung Ihrer Bestellung verarbeiten wir Name, Anschrift, E-Mail-Adresse, gegebenenfalls Telefonnummer und die Bestelldaten (Art. 6 Abs. 1 lit. b DSGVO). Rechnungsdaten bewahren wir so lange auf, wie es Handels- und Steuerrecht verlangen (bis zu zehn Jahre, Art. 6 Abs. 1 lit. c DSGVO). Erklären Sie einen Widerruf über die Schaltfläche „Vertrag widerrufen“, speichern wir Ihre Erklärung mit Datum und Uhrzeit als Nachweis (Art. 6 Abs. 1 lit. c DSGVO).": "To process your order we use your name, address, email address, phone number if given, and the order details (Art. 6(1)(b) GDPR). We keep invoice data for as long as commercial and tax law require (up to ten years, Art. 6(1)(c) GDPR). If you withdraw with the “Withdraw from contract” button, we keep your declaration with its date and time as evidence (Art. 6(1)(c) GDPR).",
        "Versand mit DHL": "Shipping with DHL",
        "Wenn Sie die Lieferung per Paket wählen, geben wir Ihren Namen und Ihre Lieferanschrift an die DHL Paket GmbH, Sträßchensweg 10, 53113 Bonn, weiter, damit sie das Paket zustellen kann (Art. 6 Abs. 1 lit. b DSGVO). Ihre E-Mail-Adresse geben wir nicht weiter. Bei Abholung geben wir keine Daten an Dritte.": "If you choose parcel delivery, we pass your name and delivery address to DHL Paket GmbH, Sträßchensweg 10, 53113 Bonn, Germany, so that it can deliver the parcel (Art. 6(1)(b) GDPR). We do not pass on your email address. For pick-up orders we pass no data to third parties.",
        "Sie bezahlen per Vorkasse (Überweisung) oder bei Abholung. Bei einer Überweisung erhalten wir von unserer Bank Ihren Namen, Ihre Kontoverbindung, den Betrag und den Verwendungszweck (Art. 6 Abs. 1 lit. b und c DSGVO). Einen Online-Zahlungsdienst nutzen wir nicht.": "You pay in advance by bank transfer or on pick-up. For a bank transfer our bank gives us your name, your account, the amount and the payment reference (Art. 6(1)(b) and (c) GDPR). We use no online payment service.",
        "E-Mails": "Emails",
        "Bestellbestätigungen, Rechnungen und Bestätigungen eines Widerrufs versenden wir über den E-Mail-Dienst unseres Hosting-Anbieters, der sie in unserem Auftrag verarbeitet (Art. 28 DSGVO). Einen Newsletter versenden wir nicht, und unsere E-Mails enthalten keine Zählpixel.": "We send order confirmations, invoices and withdrawal confirmations through our hosting provider’s email service, which processes them on our behalf (Art. 28 GDPR). We send no newsletter, and our emails contain no tracking pixels.",
        "Videos": "Videos",
        "Eingebettete Videos (z. B. von YouTube oder Vimeo) laden wir erst, wenn Sie auf „Video laden“ klicken. Erst dann überträgt Ihr Browser Daten wie Ihre IP-Adresse an den Anbieter des Videos (Art. 6 Abs. 1 lit. a DSGVO). Vorher wird keine Verbindung zum Anbieter aufgebaut.": "Embedded videos (e.g. from YouTube or Vimeo) are loaded only when you click “Load video”. Only then does your browser send data such as your IP address to the video’s provider (Art. 6(1)(a) GDPR). Before that, no connection to the provider is made.",
        "Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung, Datenübertragbarkeit und Widerspruch sowie das Recht auf Beschwerde bei einer Aufsichtsbehörde, zum Beispiel der Landesbeauftragten für Datenschutz und Informationsfreiheit Nordrhein-Westfalen.": "You have the right of access, rectification, erasure, restriction of processing, data portability and objection, and the right to lodge a complaint with a supervisory authority, for example the State Commissioner for Data Protection and Freedom of Information of North Rhine-Westphalia.",
        "Alle Preise sind Endpreise inklusive Mehrwertsteuer, zuzüglich Versandkosten. Versandkosten, Lieferländer und Abholorte stehen auf der Seite „Versand und Zahlung“ und vor Abschluss der Bestellung im Bestellvorgang.": "All prices are final prices including VAT, plus shipping. Shipping costs, delivery countries and pick-up points are listed on the “Shipping and payment” page and in the checkout before you order.",
        "§ 4 Zahlung": "§ 4 Payment",
        "Sie bezahlen per Vorkasse (Überweisung auf unser in der Bestellbestätigung genanntes Konto) oder, bei Abholung, bar oder mit Karte vor Ort. Bei Vorkasse versenden wir die Ware nach Eingang der Zahlung.": "You pay in advance (bank transfer to the account named in the order confirmation) or, for pick-up, in cash or by card on collection. For prepayment we ship once the payment has arrived.",
        "§ 5 Lieferung": "§ 5 Delivery",
        "Wir liefern mit DHL innerhalb Deutschlands und in die Mitgliedstaaten der Europäischen Union, die auf der Seite „Versand und Zahlung“ genannt sind. Bei Abholung halten wir die Ware an dem gewählten Abholort für Sie bereit.": "We deliver with DHL within Germany and to the member states of the European Union listed on the “Shipping and payment” page. For pick-up we keep the goods ready for you at the pick-up point you chose.",
        "§ 6 Widerrufsrecht": "§ 6 Right of withdrawal",
        "§ 7 Gewährleistung": "§ 7 Liability for defects",
        "Es gilt das gesetzliche Mängelhaftungsrecht (§§ 434 ff. BGB). Ist eine Ware mangelhaft, können Sie Nacherfüllung verlangen und, wenn diese fehlschlägt, vom Vertrag zurücktreten, den Preis mindern sowie Schadensersatz verlangen. Die Ansprüche verjähren in zwei Jahren ab Lieferung.": "The statutory liability for defects applies (§§ 434 ff. BGB). If goods are defective you can demand subsequent performance and, if it fails, withdraw from the contract, reduce the price and claim damages. The claims become time-barred two years after delivery.",
        "§ 8 Streitbeilegung": "§ 8 Dispute resolution",
        "Wir sind nicht bereit und nicht verpflichtet, an Streitbeilegungsverfahren vor einer Verbraucherschlichtungsstelle teilzunehmen (§ 36 Verbraucherstreitbeilegungsgesetz).": "We are neither willing nor obliged to take part in dispute resolution proceedings before a consumer arbitration board (§ 36 VSBG).",
        "barrierefreiheit": "accessibility",
        "Erklärung zur Barrierefreiheit": "Accessibility statement",
        "Wie barrierefrei dieser Online-Shop ist (Barrierefreiheitsstärkungsgesetz, BFSG).": "How accessible this online shop is (German Accessibility Strengthening Act, BFSG).",
        "Stand der Vereinbarkeit": "Compliance status",
        "Wir gestalten diese Website und den Online-Shop nach den Anforderungen des Barrierefreiheitsstärkungsgesetzes (BFSG) und der Norm EN 301 549 (WCAG 2.1, Stufe AA). Jede Seite ist mit der Tastatur bedienbar, hat eine Überschriftenstruktur, Textalternativen für Bilder und ausreichende Kontraste; Formulare haben Beschriftungen und verständliche Fehlermeldungen. Wir prüfen die wichtigsten Wege (Einkauf, Bestellung, Widerruf) automatisiert mit axe-core.": "We build this website and shop to the requirements of the BFSG and EN 301 549 (WCAG 2.1 level AA). Every page can be used with the keyboard and has a heading structure, text alternatives for images and sufficient contrast; forms have labels and clear error messages. We test the main journeys (shopping, ordering, withdrawal) automatically with axe-core.",
        "Bekannte Einschränkungen": "Known limitations",
        "Eingebettete Videos von Drittanbietern sind nicht immer untertitelt. PDF-Dokumente (Rechnungen, AGB, Widerrufsformular) sind nicht vollständig getaggt; die Inhalte stehen auch als Webseite oder im Text der E-Mail zur Verfügung.": "Embedded third-party videos do not always have captions. PDF documents (invoices, terms, withdrawal form) are not fully tagged; their content is also available as a web page or in the text of the email.",
        "Barrieren melden": "Report a barrier",
        "Marktüberwachungsbehörde": "Market surveillance authority",
        "Wenn Sie meinen, dass unser Angebot die Anforderungen an die Barrierefreiheit nicht erfüllt, können Sie sich an die zuständige Marktüberwachungsbehörde wenden: Marktüberwachungsstelle der Länder für die Barrierefreiheit von Produkten und Dienstleistungen (MLBF), Magdeburg.": "If you think that our service does not meet the accessibility requirements, you can contact the competent market surveillance authority: Marktüberwachungsstelle der Länder für die Barrierefreiheit von Produkten und Dienstleistungen (MLBF), Magdeburg.",
    },
    "nl": {
        "Made in Aachen-Nord": "Made in Aachen-Nord",
        "Design aus Aachen-Nord, gefertigt im alten Straßenbahndepot": "Design uit Aachen-Nord, gemaakt in het oude trampdepot",
        "Regionale Designerinnen und Designer entwerfen, die Sozialwerkstatt im Depot fertigt: Produkte mit Herkunft.": "Ontwerpers uit de regio ontwerpen, de sociale werkplaats in het depot maakt: producten met een herkomst.",
        "Zum Shop": "Naar de winkel",
        "Made in Aachen-Nord ist das Designlabel des Stadterneuerungsprogramms für Aachen-Nord. Wir lizenzieren Entwürfe aus der Region, lassen sie in der Sozialwerkstatt fertigen und verkaufen sie online, im Museumsshop und in Pop-up-Stores.": "Made in Aachen-Nord is het designlabel van het stadsvernieuwingsprogramma voor Aachen-Nord. Wij nemen ontwerpen uit de regio in licentie, laten ze maken in de sociale werkplaats en verkopen ze online, in de museumwinkel en in pop-upstores.",
        "ueber-uns": "over-ons",
        "Über uns": "Over ons",
        "Ein Label für das Viertel: Design, Arbeit und Stadtteilentwicklung an einem Ort.": "Een label voor de wijk: design, werk en wijkontwikkeling op één plek.",
        "Die Idee": "Het idee",
        "Im Rahmen der Stadterneuerung in Aachen-Nord entstand ein Label, das kreative Köpfe aus der Region mit der Sozialwerkstatt im ehemaligen Straßenbahndepot zusammenbringt.": "In het kader van de stadsvernieuwing in Aachen-Nord ontstond een label dat creatieve mensen uit de regio samenbrengt met de sociale werkplaats in het voormalige trampdepot.",
        "Die Werkstatt": "De werkplaats",
        "In der Sozialwerkstatt arbeiten Menschen, die lange keine Arbeit hatten. Sie nähen, drucken und bauen die Produkte des Labels und sammeln dabei Erfahrung und Qualifikationen.": "In de sociale werkplaats werken mensen die lang geen werk hadden. Zij naaien, drukken en bouwen de producten van het label en doen daarbij ervaring en kwalificaties op.",
        "Gutes Design gehört in den Alltag und in unser Viertel.": "Goed design hoort in het dagelijks leven en in onze wijk.",
        "Eine Designerin des Labels (fiktiv)": "Een ontwerpster van het label (fictief)",
    },
    "fr": {
        "Made in Aachen-Nord": "Made in Aachen-Nord",
        "Design aus Aachen-Nord, gefertigt im alten Straßenbahndepot": "Du design d’Aix-la-Chapelle Nord, fabriqué dans l’ancien dépôt de tramways",
        "Regionale Designerinnen und Designer entwerfen, die Sozialwerkstatt im Depot fertigt: Produkte mit Herkunft.": "Des designers de la région créent, l’atelier social du dépôt fabrique : des produits qui ont une origine.",
        "Zum Shop": "Vers la boutique",
        "Made in Aachen-Nord ist das Designlabel des Stadterneuerungsprogramms für Aachen-Nord. Wir lizenzieren Entwürfe aus der Region, lassen sie in der Sozialwerkstatt fertigen und verkaufen sie online, im Museumsshop und in Pop-up-Stores.": "Made in Aachen-Nord est le label de design du programme de rénovation urbaine d’Aix-la-Chapelle Nord. Nous prenons sous licence des créations de la région, les faisons fabriquer dans l’atelier social et les vendons en ligne, à la boutique du musée et dans des boutiques éphémères.",
        "ueber-uns": "a-propos",
        "Über uns": "À propos",
        "Ein Label für das Viertel: Design, Arbeit und Stadtteilentwicklung an einem Ort.": "Un label pour le quartier : design, travail et développement urbain en un seul lieu.",
        "Die Idee": "L’idée",
        "Im Rahmen der Stadterneuerung in Aachen-Nord entstand ein Label, das kreative Köpfe aus der Region mit der Sozialwerkstatt im ehemaligen Straßenbahndepot zusammenbringt.": "Dans le cadre de la rénovation urbaine d’Aix-la-Chapelle Nord est né un label qui réunit des créatifs de la région et l’atelier social de l’ancien dépôt de tramways.",
        "Die Werkstatt": "L’atelier",
        "In der Sozialwerkstatt arbeiten Menschen, die lange keine Arbeit hatten. Sie nähen, drucken und bauen die Produkte des Labels und sammeln dabei Erfahrung und Qualifikationen.": "L’atelier social emploie des personnes longtemps sans emploi. Elles cousent, impriment et assemblent les produits du label et acquièrent ainsi expérience et qualifications.",
        "Gutes Design gehört in den Alltag und in unser Viertel.": "Le bon design a sa place dans le quotidien et dans notre quartier.",
        "Eine Designerin des Labels (fiktiv)": "Une designer du label (fictive)",
    },
}

CATEGORIES = ["Textilien", "Drucke", "Wohnen"]

# Product classes: (slug, name, has variants). "label-produkt" stays for products made elsewhere (and tests).
PRODUCT_CLASSES = [
    ("label-produkt", "Label-Produkt"),
    ("textil", "Textilien"),
    ("druck", "Drucke"),
    ("wohnen", "Wohnen"),
]

SIZES = ["S", "M", "L", "XL"]
COLOURS = {"Schwarz": "black", "Natur": "natural", "Senfgelb": "mustard"}

# Textile fibre names as in Annex I of Regulation (EU) No 1007/2011 ("Baumwolle", "Wolle", "Leinen"), each with its
# percentage by weight; descriptions ("Bio", "Merino") only after the fibre name, never instead of it.
COTTON = ("100 % Baumwolle (Bio, GOTS-zertifiziert)", "100 % cotton (organic, GOTS certified)")
COTTON_CARE = ("Waschen bei 30 °C auf links, nicht im Trockner trocknen.", "Wash inside out at 30 °C, do not tumble dry.")
PAPER = ("Recyclingpapier, 300 g/m²", "Recycled paper, 300 g/m²")
OAK = ("Eiche aus regionaler Forstwirtschaft, Stahl recycelt", "Oak from regional forestry, recycled steel")
OAK_CARE = ("Mit einem feuchten Tuch abwischen, gelegentlich ölen.", "Wipe with a damp cloth, oil occasionally.")
STONEWARE = ("Steinzeug, lebensmittelecht glasiert", "Stoneware with a food-safe glaze")
STONEWARE_CARE = ("Spülmaschinenfest.", "Dishwasher safe.")
LINEN = ("100 % Leinen", "100 % linen")
LINEN_CARE = ("Waschen bei 40 °C.", "Wash at 40 °C.")
WOOL = ("100 % Wolle (Merino)", "100 % wool (merino)")
WOOL_CARE = ("Handwäsche, liegend trocknen.", "Hand wash, dry flat.")
CORK = ("Naturkork", "Natural cork")
CORK_CARE = ("Feucht abwischen.", "Wipe with a damp cloth.")
LAMP_SAFETY = (
    "Nur mit LED-Leuchtmitteln E27 bis 8 W betreiben. Vor dem Wechseln des Leuchtmittels den Netzstecker ziehen. "
    "Nur in trockenen Innenräumen verwenden.",
    "Use only with E27 LED bulbs up to 8 W. Unplug before changing the bulb. For use in dry indoor rooms only.",
)
HOODIE_SAFETY = (
    "Kapuze ohne Kordel. Nicht als Kinderbekleidung geeignet.",
    "Hood without drawstring. Not suitable as children's clothing.",
)
MUG_SAFETY = (
    "Handgefertigt: Glasur lebensmittelecht, nicht für die Mikrowelle; vor dem ersten Gebrauch spülen.",
    "Handmade: food-safe glaze, not for the microwave; wash before first use.",
)

# Dutch and French texts of the material, care and safety texts above, by their German text.
NL_FR = {
    COTTON[0]: ("100 % katoen (biologisch, GOTS-gecertificeerd)", "100 % coton (biologique, certifié GOTS)"),
    COTTON_CARE[0]: ("Binnenstebuiten wassen op 30 °C, niet in de droogtrommel.",
                     "Laver à l'envers à 30 °C, ne pas sécher en machine."),
    PAPER[0]: ("Gerecycled papier, 300 g/m²", "Papier recyclé, 300 g/m²"),
    OAK[0]: ("Eiken uit regionale bosbouw, gerecycled staal", "Chêne de sylviculture régionale, acier recyclé"),
    OAK_CARE[0]: ("Afnemen met een vochtige doek, af en toe oliën.",
                  "Essuyer avec un chiffon humide, huiler de temps en temps."),
    STONEWARE[0]: ("Steengoed, voedselveilig geglazuurd", "Grès, émail compatible avec les aliments"),
    STONEWARE_CARE[0]: ("Vaatwasserbestendig.", "Passe au lave-vaisselle."),
    LINEN[0]: ("100 % linnen", "100 % lin"),
    LINEN_CARE[0]: ("Wassen op 40 °C.", "Laver à 40 °C."),
    WOOL[0]: ("100 % wol (merino)", "100 % laine (mérinos)"),
    WOOL_CARE[0]: ("Handwas, liggend drogen.", "Lavage à la main, sécher à plat."),
    CORK[0]: ("Natuurkurk", "Liège naturel"),
    CORK_CARE[0]: ("Vochtig afnemen.", "Essuyer avec un chiffon humide."),
    LAMP_SAFETY[0]: (
        "Alleen gebruiken met E27-ledlampen tot 8 W. Trek de stekker uit het stopcontact voordat u de lamp "
        "vervangt. Alleen voor gebruik in droge binnenruimtes.",
        "Utiliser uniquement avec des ampoules LED E27 jusqu'à 8 W. Débrancher avant de changer l'ampoule. "
        "À utiliser uniquement dans des pièces intérieures sèches.",
    ),
    HOODIE_SAFETY[0]: ("Capuchon zonder koord. Niet geschikt als kinderkleding.",
                       "Capuche sans cordon. Ne convient pas comme vêtement pour enfants."),
    MUG_SAFETY[0]: (
        "Handgemaakt: voedselveilig glazuur, niet geschikt voor de magnetron; vóór het eerste gebruik afwassen.",
        "Fait main : émail compatible avec les aliments, ne va pas au micro-ondes ; laver avant la première "
        "utilisation.",
    ),
}

# Each product: upc, class, category, designer key, net price (EUR), stock, VAT class, German and English
# title and description, (material de, en), (care de, en), (safety de, en), variants ("sizes", "colours" or None),
# and optional Dutch/French titles. The first six keep the numbers earlier demos (and tests) use.
PRODUCTS = [
    {"upc": "MIAN-T-001", "class": "textil", "category": "Textilien", "designer": "dana", "price": "24.37", "stock": 12,
     "title": ("Shirt „Depot“", "T-shirt “Depot”"), "variants": "sizes",
     "description": ("Shirt aus Baumwolle aus biologischem Anbau, im Siebdruck in der Sozialwerkstatt bedruckt. Motiv: die Hallen des alten Straßenbahndepots.",
                     "T-shirt of organically grown cotton, screen-printed in the social workshop. Motif: the halls of the old tram depot."),
     "material": COTTON, "care": COTTON_CARE, "nl": "T-shirt „Depot”", "fr": "T-shirt « Dépôt »"},
    {"upc": "MIAN-T-002", "class": "textil", "category": "Textilien", "designer": "jonas", "price": "12.61", "stock": 50,
     "title": ("Beutel „Grüne Inseln“", "Tote bag “Green islands”"),
     "description": ("Robuster Baumwollbeutel mit dem Motiv der grünen Inseln in Aachen-Nord.",
                     "Sturdy cotton bag with the motif of the green islands of Aachen-Nord."),
     "material": COTTON, "care": COTTON_CARE},
    {"upc": "MIAN-P-001", "class": "druck", "category": "Drucke", "designer": "mira", "price": "29.41", "stock": 15,
     "title": ("Druck „Jülicher Straße“", "Print “Jülicher Straße”"),
     "description": ("Risografie im Format A3, nummerierte Auflage von 100 Stück.", "Risograph print, A3, numbered edition of 100."),
     "material": PAPER},
    {"upc": "MIAN-P-002", "class": "druck", "category": "Drucke", "designer": "dana", "price": "7.56", "stock": 80,
     "title": ("Postkartenset „Viertel“", "Postcard set “District”"),
     "description": ("Acht Postkarten mit Ansichten aus Aachen-Nord, gedruckt auf Recyclingkarton.",
                     "Eight postcards with views of Aachen-Nord, printed on recycled card."),
     "material": PAPER, "nl": "Ansichtkaartenset „Wijk”", "fr": "Lot de cartes postales « Quartier »"},
    {"upc": "MIAN-H-001", "class": "wohnen", "category": "Wohnen", "designer": "tom", "price": "125.21", "stock": 5,
     "title": ("Hocker „Schiene“", "Stool “Rail”"),
     "description": ("Hocker aus Eiche und recyceltem Stahl, in der Holzwerkstatt des Depots gebaut.",
                     "Stool of oak and recycled steel, built in the depot's wood workshop."),
     "material": OAK, "care": OAK_CARE},
    {"upc": "MIAN-H-002", "class": "wohnen", "category": "Wohnen", "designer": "yuki", "price": "33.61", "stock": 8,
     "title": ("Kissenhülle „Fassade“", "Cushion cover “Façade”"), "variants": "colours",
     "description": ("Kissenhülle aus Leinen, 45 × 45 cm, mit gewebtem Fassadenmuster.",
                     "Linen cushion cover, 45 × 45 cm, with a woven façade pattern."),
     "material": LINEN, "care": LINEN_CARE},
    {"upc": "MIAN-T-003", "class": "textil", "category": "Textilien", "designer": "jonas", "price": "54.62", "stock": 6,
     "title": ("Hoodie „Weiche“", "Hoodie “Switch”"), "variants": "sizes",
     "description": ("Kapuzenpullover mit aufgesticktem Weichensymbol.", "Hooded sweatshirt with an embroidered rail-switch symbol."),
     "material": COTTON, "care": COTTON_CARE, "safety": HOODIE_SAFETY},
    {"upc": "MIAN-T-004", "class": "textil", "category": "Textilien", "designer": "dana", "price": "24.37", "stock": 10,
     "title": ("Shirt „Lousberg“", "T-shirt “Lousberg”"), "variants": "sizes",
     "description": ("Shirt mit einer Linienzeichnung des Lousbergs.", "T-shirt with a line drawing of the Lousberg hill."),
     "material": COTTON, "care": COTTON_CARE},
    {"upc": "MIAN-T-005", "class": "textil", "category": "Textilien", "designer": "mira", "price": "29.41", "stock": 9,
     "title": ("Schal „Wurm“", "Scarf “Wurm”"), "variants": "colours",
     "description": ("Gestrickter Schal, benannt nach dem Bach unter der Stadt.", "Knitted scarf, named after the brook beneath the city."),
     "material": WOOL, "care": WOOL_CARE},
    {"upc": "MIAN-T-006", "class": "textil", "category": "Textilien", "designer": "yuki", "price": "20.17", "stock": 14,
     "title": ("Mütze „Nordwind“", "Beanie “North wind”"), "variants": "colours",
     "description": ("Strickmütze mit Umschlag und gewebtem Label.", "Knitted beanie with a turn-up and a woven label."),
     "material": WOOL, "care": WOOL_CARE},
    {"upc": "MIAN-P-003", "class": "druck", "category": "Drucke", "designer": "dana", "price": "19.63", "stock": 25,
     "title": ("Poster „Depot-Hallen“", "Poster “Depot halls”"),
     "description": ("Poster im Format A2, Offsetdruck.", "A2 poster, offset print."), "material": PAPER},
    {"upc": "MIAN-P-004", "class": "druck", "category": "Drucke", "designer": "mira", "price": "14.02", "stock": 40,
     "title": ("Kalender „Nord 2027“", "Calendar “North 2027”"),
     "description": ("Wandkalender mit zwölf Risografien aus dem Viertel.", "Wall calendar with twelve risograph prints from the district."),
     "material": PAPER},
    {"upc": "MIAN-P-005", "class": "druck", "category": "Drucke", "designer": "dana", "price": "9.24", "stock": 30,
     "title": ("Notizbuch „Kaiserplatz“", "Notebook “Kaiserplatz”"),
     "description": ("Notizbuch A5, 96 Seiten, fadengeheftet.", "A5 notebook, 96 pages, thread-bound."), "material": PAPER},
    {"upc": "MIAN-H-003", "class": "wohnen", "category": "Wohnen", "designer": "yuki", "price": "16.72", "stock": 24,
     "title": ("Becher „Frühschicht“", "Mug “Early shift”"),
     "description": ("Handgedrehter Becher, 300 ml.", "Hand-thrown mug, 300 ml."), "material": STONEWARE, "care": STONEWARE_CARE,
     "safety": MUG_SAFETY},
    {"upc": "MIAN-H-004", "class": "wohnen", "category": "Wohnen", "designer": "tom", "price": "84.03", "stock": 4,
     "title": ("Wandregal „Weiche“", "Wall shelf “Switch”"),
     "description": ("Wandregal aus Eiche mit Halterungen aus alten Schienenklemmen.", "Oak wall shelf with brackets made from old rail clamps."),
     "material": OAK, "care": OAK_CARE},
    {"upc": "MIAN-H-005", "class": "wohnen", "category": "Wohnen", "designer": "tom", "price": "29.41", "stock": 11,
     "title": ("Schneidebrett „Depot“", "Chopping board “Depot”"),
     "description": ("Schneidebrett aus Eiche, 40 × 25 cm.", "Oak chopping board, 40 × 25 cm."), "material": OAK, "care": OAK_CARE},
    {"upc": "MIAN-H-006", "class": "wohnen", "category": "Wohnen", "designer": "yuki", "price": "37.82", "stock": 7,
     "title": ("Vase „Wurmtal“", "Vase “Wurm valley”"),
     "description": ("Vase aus Steinzeug, 22 cm hoch.", "Stoneware vase, 22 cm tall."), "material": STONEWARE, "care": STONEWARE_CARE},
    {"upc": "MIAN-H-007", "class": "wohnen", "category": "Wohnen", "designer": "jonas", "price": "10.08", "stock": 35,
     "title": ("Geschirrtuch „Markt“", "Tea towel “Market”"),
     "description": ("Geschirrtuch mit Siebdruck vom Wochenmarkt.", "Tea towel screen-printed with the weekly market."),
     "material": LINEN, "care": LINEN_CARE},
    {"upc": "MIAN-H-008", "class": "wohnen", "category": "Wohnen", "designer": "tom", "price": "117.65", "stock": 3,
     "title": ("Leuchte „Remise“", "Lamp “Remise”"),
     "description": ("Tischleuchte aus Eiche und Stahl, LED-Leuchtmittel E27 (nicht enthalten).",
                     "Table lamp of oak and steel, LED bulb E27 (not included)."),
     "material": OAK, "care": OAK_CARE, "safety": LAMP_SAFETY},
    {"upc": "MIAN-H-009", "class": "wohnen", "category": "Wohnen", "designer": "mira", "price": "12.61", "stock": 20,
     "title": ("Untersetzer-Set „Kopfstein“", "Coaster set “Cobblestone”"),
     "description": ("Vier Untersetzer aus Kork mit Pflastermuster.", "Four cork coasters with a cobblestone pattern."),
     "material": CORK, "care": CORK_CARE},
]

PARTNER_NAME = "Sozialwerkstatt im Depot"

DEMO_PASSWORD = "aachen-nord-demo"  # noqa: S105  (fictional, dev-only demo logins; load_demo refuses production)

USERS = [
    # (email, first name, last name, role or None for the superuser)
    ("admin@example.org", "Ada", "Admin", None),
    ("marketing@example.org", "Mara", "Marketing", "Marketing"),
    ("approver@example.org", "Alex", "Approver", "Marketing approvers"),
    ("shop@example.org", "Sami", "Shop", "Shop staff"),
    ("finance@example.org", "Fritzi", "Finanz", "Finance"),
    ("designer@example.org", "Dana", "Design", "Designers"),
]
