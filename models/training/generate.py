#!/usr/bin/env python3
"""Generate DataCloak's synthetic labelled corpus of tables.

    python models/training/generate.py [OUT_DIR] [--tables N] [--seed S]

Writes OUT_DIR/syn/*.csv (every file has a header row) and OUT_DIR/labels.json:
    {"tables": [{"file": "syn/t00001.csv", "source": "faker:<locale>/<template>",
                 "split": "train|val|test", "columns": [label, ...], "kinds": [...], "rows": n}]}
If OUT_DIR/labels.json already exists, its entries whose source does not start with "faker:"
(e.g. the real tables written by real_tables.py) are kept.

Deterministic from the seed: the same seed and the same package versions give the same files.
Split: whole tables. Locales nl_NL and pl_PL and the templates in TEST_TEMPLATES only ever go to
test; of the rest ~6 % goes to test (in-distribution), ~11 % to val, the remainder to train.
"""
import argparse
import csv
import json
import math
import os
import random
import sys
import time
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import valuegen as V  # noqa: E402
from labels import LABELS  # noqa: E402

TRAIN_LOCALES = ["en_US", "en_US", "en_US", "en_GB", "en_GB", "de_DE", "de_DE", "fr_FR", "fr_FR", "es_ES",
                 "it_IT", "pt_BR", "en_CA", "en_IN", "sv_SE", "en_AU", "da_DK", "fi_FI", "es_MX", "de_AT",
                 "cs_CZ", "pt_PT", "ro_RO", "fr_CA", "en_IE", "no_NO", "de_CH", "hu_HU", "sk_SK", "hr_HR", "lt_LT",
                 "tr_TR", "id_ID", "en_NZ", "ru_RU", "el_GR", "ja_JP", "es_AR", "es_CO", "it_CH", "fr_CH", "sl_SI",
                 "lv_LV", "et_EE", "fil_PH", "vi_VN", "zu_ZA", "is_IS", "sq_AL"]
TEST_LOCALES = ["nl_NL", "pl_PL"]
TEST_TEMPLATES = {"hotel_bookings", "insurance_claims", "student_records", "network_inventory", "crm_leads"}

# --------------------------------------------------------------------------------------------
# kinds: what a column holds -> (label, generator, header phrases, translations)

H = {}     # kind -> list of English header phrases
T = {}     # kind -> {lang: [phrases]}
KINDS = {}  # kind -> (label, fn)


def K(kind, label, fn, headers, tr=None):
    KINDS[kind] = (label, fn)
    H[kind] = headers
    T[kind] = tr or {}


def _p(fn, **kw):
    return lambda ctx, n: fn(ctx, n, **kw)


K("email", "email", V.g_email,
  ["email", "email address", "e-mail", "mail", "contact email", "user email", "email addr", "work email",
   "personal email", "emailaddress", "customer email", "email id", "e mail"],
  {"de": ["E-Mail", "E-Mail-Adresse", "Mail"], "fr": ["courriel", "adresse e-mail", "mél"],
   "es": ["correo", "correo electrónico", "email"], "it": ["posta elettronica", "indirizzo email"],
   "pt": ["e-mail", "endereço de e-mail"], "nl": ["e-mailadres", "e-mail"], "pl": ["adres e-mail", "e-mail"],
   "sv": ["e-post", "e-postadress"], "da": ["e-mail", "email adresse"], "fi": ["sähköposti"], "cs": ["e-mail"],
   "ro": ["e-mail", "adresa de email"]})
K("phone", "phone_number", V.g_phone,
  ["phone", "phone number", "telephone", "tel", "mobile", "cell", "mobile phone", "contact number",
   "phone no", "ph", "home phone", "work phone", "msisdn", "fax", "phone 1", "tel no"],
  {"de": ["Telefon", "Telefonnummer", "Handy", "Mobil", "Tel."], "fr": ["téléphone", "tél", "portable", "numéro de téléphone"],
   "es": ["teléfono", "móvil", "celular", "tel"], "it": ["telefono", "cellulare", "tel"],
   "pt": ["telefone", "celular", "fone"], "nl": ["telefoon", "telefoonnummer", "mobiel"],
   "pl": ["telefon", "numer telefonu", "komórka"], "sv": ["telefon", "mobilnummer"], "da": ["telefon", "mobil"],
   "fi": ["puhelin", "matkapuhelin"], "cs": ["telefon", "mobil"], "ro": ["telefon", "mobil"]})
K("person_name", "person_name", V.g_person_name,
  ["name", "full name", "customer name", "employee name", "patient name", "contact", "contact name",
   "client", "holder name", "cardholder", "account holder", "passenger", "driver", "owner", "author",
   "manager", "assigned to", "sales rep", "recipient", "beneficiary", "fullname", "customer", "physician",
   "doctor", "student", "member name", "applicant"],
  {"de": ["Name", "Vollständiger Name", "Kunde", "Mitarbeiter", "Ansprechpartner", "Inhaber"],
   "fr": ["nom complet", "nom", "client", "titulaire", "contact"], "es": ["nombre completo", "nombre", "cliente", "titular"],
   "it": ["nome completo", "nominativo", "cliente"], "pt": ["nome completo", "nome", "cliente", "titular"],
   "nl": ["naam", "volledige naam", "klant"], "pl": ["imię i nazwisko", "klient", "nazwa klienta"],
   "sv": ["namn", "fullständigt namn", "kund"], "da": ["navn", "kunde"], "fi": ["nimi", "asiakas"],
   "cs": ["jméno", "zákazník"], "ro": ["nume complet", "client"]})
K("first_name", "first_name", V.g_first_name,
  ["first name", "firstname", "fname", "given name", "forename", "first", "first nm", "f name", "name first",
   "christian name", "givenname"],
  {"de": ["Vorname"], "fr": ["prénom"], "es": ["nombre"], "it": ["nome"], "pt": ["nome", "primeiro nome"],
   "nl": ["voornaam"], "pl": ["imię", "imie"], "sv": ["förnamn"], "da": ["fornavn"], "fi": ["etunimi"],
   "cs": ["jméno", "křestní jméno"], "ro": ["prenume"]})
K("last_name", "last_name", V.g_last_name,
  ["last name", "lastname", "lname", "surname", "family name", "last", "name last", "l name", "last nm",
   "maiden name"],
  {"de": ["Nachname", "Familienname"], "fr": ["nom de famille", "nom"], "es": ["apellido", "apellidos"],
   "it": ["cognome"], "pt": ["sobrenome", "apelido"], "nl": ["achternaam"], "pl": ["nazwisko"],
   "sv": ["efternamn"], "da": ["efternavn"], "fi": ["sukunimi"], "cs": ["příjmení"], "ro": ["nume de familie", "nume"]})
K("street_address", "street_address", V.g_street_address,
  ["address", "street", "street address", "address line 1", "addr", "address1", "addr1", "street line",
   "home address", "billing address", "shipping address", "mailing address", "residence", "location address",
   "street name and number"],
  {"de": ["Adresse", "Straße", "Anschrift", "Strasse"], "fr": ["adresse", "rue", "adresse postale"],
   "es": ["dirección", "calle", "domicilio"], "it": ["indirizzo", "via"], "pt": ["endereço", "morada", "rua", "logradouro"],
   "nl": ["adres", "straat"], "pl": ["adres", "ulica"], "sv": ["adress", "gatuadress"], "da": ["adresse", "vej"],
   "fi": ["osoite", "katuosoite"], "cs": ["adresa", "ulice"], "ro": ["adresa", "strada"]})
K("dob", "date_of_birth", V.g_dob,
  ["date of birth", "dob", "birth date", "birthdate", "birthday", "born", "d.o.b.", "birth dt", "bday",
   "date born", "patient dob"],
  {"de": ["Geburtsdatum", "Geb.-Datum", "geboren"], "fr": ["date de naissance", "né le"],
   "es": ["fecha de nacimiento", "fecha nac"], "it": ["data di nascita", "data nascita"],
   "pt": ["data de nascimento", "data nasc"], "nl": ["geboortedatum"], "pl": ["data urodzenia"],
   "sv": ["födelsedatum"], "da": ["fødselsdato"], "fi": ["syntymäaika"], "cs": ["datum narození"],
   "ro": ["data nașterii"]})
K("ssn", "ssn", V.g_ssn,
  ["ssn", "social security number", "social security no", "soc sec num", "ss number", "ssn number", "ssn last",
   "social", "tin", "taxpayer id", "ssa number"], {"es": ["número de seguro social"]})
K("national_id", "national_id", V.g_national_id,
  ["national id", "national insurance number", "nino", "ni number", "sin", "social insurance number",
   "tax id", "tax number", "id number", "citizen id", "personal id", "government id", "identity number",
   "personal number", "aadhaar", "pan", "tfn", "cpr"],
  {"de": ["Steuer-ID", "Steuernummer", "Personalausweisnummer", "Steueridentifikationsnummer"],
   "fr": ["numéro de sécurité sociale", "NIR", "numéro INSEE"], "es": ["DNI", "NIF", "NIE", "documento"],
   "it": ["codice fiscale", "CF"], "pt": ["CPF", "NIF", "número de contribuinte"], "nl": ["BSN", "burgerservicenummer"],
   "pl": ["PESEL", "numer PESEL"], "sv": ["personnummer"], "da": ["CPR-nummer", "cpr"], "fi": ["henkilötunnus", "hetu"],
   "cs": ["rodné číslo"], "ro": ["CNP", "cod numeric personal"]})
K("passport", "passport_number", V.g_passport,
  ["passport", "passport number", "passport no", "passport #", "passport id", "travel document", "pp number",
   "passport num"],
  {"de": ["Reisepass", "Reisepassnummer", "Passnummer"], "fr": ["passeport", "numéro de passeport"],
   "es": ["pasaporte", "número de pasaporte"], "it": ["passaporto", "numero passaporto"],
   "pt": ["passaporte", "número do passaporte"], "nl": ["paspoort", "paspoortnummer"], "pl": ["paszport", "numer paszportu"],
   "sv": ["pass", "passnummer"], "da": ["pas", "pasnummer"], "fi": ["passi"], "cs": ["pas", "číslo pasu"], "ro": ["pașaport"]})
K("credit_card", "credit_card_number", V.g_credit_card,
  ["credit card", "card number", "cc number", "card no", "pan", "cc", "credit card number", "card", "cc num",
   "payment card", "card_num", "debit card"],
  {"de": ["Kreditkarte", "Kartennummer"], "fr": ["carte bancaire", "numéro de carte", "carte de crédit"],
   "es": ["tarjeta", "número de tarjeta", "tarjeta de crédito"], "it": ["carta di credito", "numero carta"],
   "pt": ["cartão", "número do cartão", "cartão de crédito"], "nl": ["creditcard", "kaartnummer"],
   "pl": ["karta kredytowa", "numer karty"], "sv": ["kortnummer", "kreditkort"], "da": ["kortnummer"],
   "fi": ["luottokortti"], "cs": ["číslo karty"], "ro": ["card", "număr card"]})
K("iban", "iban", V.g_iban,
  ["iban", "bank account", "account number", "iban number", "bank account number", "acct", "iban code",
   "beneficiary account", "payee account"],
  {"de": ["IBAN", "Kontonummer", "Bankverbindung"], "fr": ["IBAN", "compte bancaire", "RIB"],
   "es": ["IBAN", "cuenta bancaria", "número de cuenta"], "it": ["IBAN", "conto corrente"],
   "pt": ["IBAN", "conta bancária", "NIB"], "nl": ["IBAN", "rekeningnummer"], "pl": ["IBAN", "numer konta", "konto"],
   "sv": ["IBAN", "kontonummer"], "da": ["IBAN", "kontonummer"], "fi": ["IBAN", "tilinumero"],
   "cs": ["IBAN", "číslo účtu"], "ro": ["IBAN", "cont bancar"]})
K("ip", "ip_address", V.g_ip,
  ["ip", "ip address", "client ip", "remote addr", "source ip", "src ip", "dst ip", "destination ip",
   "ip addr", "host", "remote host", "ipv4", "ipv6", "last login ip", "x forwarded for", "peer"],
  {"de": ["IP-Adresse"], "fr": ["adresse IP"], "es": ["dirección IP"], "it": ["indirizzo IP"], "pt": ["endereço IP"],
   "nl": ["IP-adres"], "pl": ["adres IP"], "sv": ["IP-adress"]})
K("username", "username", V.g_username,
  ["username", "user name", "login", "user", "handle", "user id", "screen name", "nickname", "account",
   "login name", "userid", "uname", "twitter", "github user", "author login", "created by", "modified by"],
  {"de": ["Benutzername", "Benutzer", "Login"], "fr": ["identifiant", "nom d'utilisateur", "pseudo"],
   "es": ["usuario", "nombre de usuario"], "it": ["utente", "nome utente"], "pt": ["usuário", "nome de usuário", "utilizador"],
   "nl": ["gebruikersnaam", "gebruiker"], "pl": ["użytkownik", "login", "nazwa użytkownika"], "sv": ["användarnamn", "användare"],
   "da": ["brugernavn"], "fi": ["käyttäjätunnus"], "cs": ["uživatel", "uživatelské jméno"], "ro": ["utilizator"]})
K("password_hash", "password_hash", V.g_password_hash,
  ["password", "password hash", "pwd hash", "passwd", "pass hash", "hashed password", "pw", "password digest",
   "encrypted password", "pwd", "hash", "crypted password", "secret hash"],
  {"de": ["Passwort", "Passwort-Hash", "Kennwort"], "fr": ["mot de passe", "mdp"], "es": ["contraseña", "clave"],
   "it": ["password"], "pt": ["senha", "palavra-passe"], "nl": ["wachtwoord"], "pl": ["hasło", "haslo"],
   "sv": ["lösenord"], "da": ["adgangskode"], "fi": ["salasana"], "cs": ["heslo"], "ro": ["parola"]})
K("api_key", "api_key", V.g_api_key,
  ["api key", "apikey", "token", "access token", "secret", "secret key", "access key", "auth token", "bearer token",
   "aws access key id", "aws secret access key", "client secret", "api token", "refresh token", "jwt",
   "session token", "private key", "key", "webhook secret", "credentials"],
  {"de": ["API-Schlüssel", "Zugangstoken"], "fr": ["clé API", "jeton"], "es": ["clave API", "token de acceso"],
   "it": ["chiave API"], "pt": ["chave de API", "token"], "nl": ["API-sleutel"], "pl": ["klucz API"], "sv": ["API-nyckel"]})
K("mac", "mac_address", V.g_mac,
  ["mac", "mac address", "mac addr", "hw address", "hardware address", "device mac", "bssid", "ethernet address",
   "wifi mac", "macaddress"],
  {"de": ["MAC-Adresse"], "fr": ["adresse MAC"], "es": ["dirección MAC"], "pt": ["endereço MAC"], "nl": ["MAC-adres"]})
K("postal_code", "postal_code", V.g_postal_code,
  ["zip", "zip code", "postal code", "postcode", "zipcode", "post code", "postal", "zip5", "plz", "cp", "pin code",
   "billing zip", "shipping postcode"],
  {"de": ["PLZ", "Postleitzahl"], "fr": ["code postal", "CP"], "es": ["código postal", "CP"], "it": ["CAP", "codice postale"],
   "pt": ["CEP", "código postal"], "nl": ["postcode"], "pl": ["kod pocztowy"], "sv": ["postnummer"], "da": ["postnummer"],
   "fi": ["postinumero"], "cs": ["PSČ"], "ro": ["cod poștal"]})
K("city", "city", V.g_city,
  ["city", "town", "city name", "municipality", "locality", "place", "billing city", "ship city", "home town",
   "hometown", "city of residence", "origin city", "destination", "branch city", "location"],
  {"de": ["Stadt", "Ort", "Wohnort", "Gemeinde"], "fr": ["ville", "commune", "localité"], "es": ["ciudad", "localidad", "municipio"],
   "it": ["città", "comune", "località"], "pt": ["cidade", "município", "localidade"], "nl": ["stad", "plaats", "woonplaats"],
   "pl": ["miasto", "miejscowość"], "sv": ["stad", "ort", "postort"], "da": ["by"], "fi": ["kaupunki", "paikkakunta"],
   "cs": ["město", "obec"], "ro": ["oraș", "localitate"]})
K("state", "state", V.g_state,
  ["state", "province", "region", "state code", "state/province", "county", "st", "prov", "territory", "state name",
   "billing state", "admin1", "state abbr"],
  {"de": ["Bundesland", "Land", "Region"], "fr": ["région", "département", "province"], "es": ["provincia", "estado", "comunidad"],
   "it": ["regione", "provincia"], "pt": ["estado", "UF", "distrito"], "nl": ["provincie"], "pl": ["województwo"],
   "sv": ["län", "region"], "da": ["region"], "fi": ["maakunta"], "cs": ["kraj"], "ro": ["județ"]})
K("country", "country", V.g_country,
  ["country", "country code", "nation", "country name", "ctry", "cntry", "iso country", "country iso",
   "nationality", "origin", "country of residence", "destination country", "market"],
  {"de": ["Land", "Staat", "Nationalität"], "fr": ["pays", "nationalité"], "es": ["país", "nacionalidad"],
   "it": ["paese", "nazione", "nazionalità"], "pt": ["país", "nacionalidade"], "nl": ["land", "nationaliteit"],
   "pl": ["kraj", "państwo"], "sv": ["land"], "da": ["land"], "fi": ["maa"], "cs": ["země", "stát"], "ro": ["țară"]})
K("latitude", "latitude", V.g_latitude, ["latitude", "lat", "y", "lat deg", "gps lat", "latitude dd", "start lat", "pickup latitude", "lat_wgs84"],
  {"de": ["Breitengrad", "Breite"], "fr": ["latitude"], "es": ["latitud"], "it": ["latitudine"], "pt": ["latitude"],
   "nl": ["breedtegraad"], "pl": ["szerokość"], "sv": ["latitud"]})
K("longitude", "longitude", V.g_longitude, ["longitude", "lon", "lng", "long", "x", "gps lon", "longitude dd", "start lon", "pickup longitude", "lon_wgs84"],
  {"de": ["Längengrad", "Länge"], "fr": ["longitude"], "es": ["longitud"], "it": ["longitudine"], "pt": ["longitude"],
   "nl": ["lengtegraad"], "pl": ["długość"], "sv": ["longitud"]})
K("gender", "gender", V.g_gender, ["gender", "sex", "gndr", "m/f", "sex at birth", "gender identity", "salutation"],
  {"de": ["Geschlecht", "Anrede"], "fr": ["sexe", "genre", "civilité"], "es": ["sexo", "género"], "it": ["sesso", "genere"],
   "pt": ["sexo", "gênero"], "nl": ["geslacht"], "pl": ["płeć"], "sv": ["kön"], "da": ["køn"], "fi": ["sukupuoli"],
   "cs": ["pohlaví"], "ro": ["sex", "gen"]})
K("gender_num", "gender", V.g_gender_num, ["sex", "gender", "sex (1=m, 2=f)", "male", "gndr", "sex code"],
  {"de": ["Geschlecht"], "fr": ["sexe"], "es": ["sexo"], "it": ["sesso"], "pt": ["sexo"], "nl": ["geslacht"], "pl": ["płeć"],
   "sv": ["kön"]})
K("age", "age", V.g_age, ["age", "age years", "patient age", "age at enrollment", "customer age", "yrs", "age (years)", "current age", "age_yrs"],
  {"de": ["Alter"], "fr": ["âge"], "es": ["edad"], "it": ["età"], "pt": ["idade"], "nl": ["leeftijd"], "pl": ["wiek"],
   "sv": ["ålder"], "da": ["alder"], "fi": ["ikä"], "cs": ["věk"], "ro": ["vârstă"]})
K("url", "url", V.g_url, ["url", "website", "homepage", "link", "web", "page url", "referrer", "referer", "landing page",
                          "profile url", "image url", "uri", "href", "site"],
  {"de": ["Webseite", "Link"], "fr": ["site web", "lien"], "es": ["sitio web", "enlace"], "it": ["sito web"], "pt": ["site", "link"],
   "nl": ["website"], "pl": ["strona www", "adres url"], "sv": ["webbplats", "länk"]})
K("uuid", "uuid", V.g_uuid, ["uuid", "guid", "id", "record id", "session id", "request id", "trace id", "correlation id",
                            "object id", "event id", "device id", "transaction id", "external id"], {})
K("free_text", "free_text", V.g_free_text, ["comment", "comments", "notes", "description", "remarks", "feedback", "message",
                                            "review", "review text", "body", "details", "summary", "note", "text",
                                            "reason", "bio", "observations", "memo"],
  {"de": ["Kommentar", "Bemerkung", "Beschreibung", "Notizen"], "fr": ["commentaire", "remarques", "description"],
   "es": ["comentario", "observaciones", "descripción"], "it": ["commento", "note", "descrizione"],
   "pt": ["comentário", "observações", "descrição"], "nl": ["opmerking", "omschrijving"], "pl": ["uwagi", "komentarz", "opis"],
   "sv": ["kommentar", "beskrivning"], "da": ["kommentar", "beskrivelse"], "fi": ["kommentti", "kuvaus"],
   "cs": ["poznámka", "popis"], "ro": ["comentariu", "descriere"]})
K("company", "company_name", V.g_company, ["company", "company name", "employer", "organization", "organisation", "vendor",
                                           "supplier", "merchant", "customer company", "account name", "firm",
                                           "business name", "manufacturer", "publisher", "carrier", "brand", "client company"],
  {"de": ["Firma", "Unternehmen", "Arbeitgeber", "Lieferant"], "fr": ["société", "entreprise", "employeur", "fournisseur"],
   "es": ["empresa", "compañía", "proveedor"], "it": ["azienda", "società", "fornitore"], "pt": ["empresa", "companhia", "fornecedor"],
   "nl": ["bedrijf", "werkgever", "leverancier"], "pl": ["firma", "pracodawca", "dostawca"], "sv": ["företag", "arbetsgivare"],
   "da": ["virksomhed", "firma"], "fi": ["yritys"], "cs": ["firma", "společnost"], "ro": ["companie", "firma"]})
K("job", "job_title", V.g_job, ["job title", "title", "position", "occupation", "role", "job", "designation", "profession",
                                "job role", "jobtitle", "function"],
  {"de": ["Beruf", "Position", "Stellenbezeichnung", "Tätigkeit"], "fr": ["poste", "profession", "métier", "fonction"],
   "es": ["puesto", "cargo", "profesión", "ocupación"], "it": ["professione", "ruolo", "qualifica"],
   "pt": ["cargo", "profissão", "função"], "nl": ["functie", "beroep"], "pl": ["stanowisko", "zawód"],
   "sv": ["befattning", "yrke", "titel"], "da": ["stilling", "titel"], "fi": ["ammatti", "tehtävä"],
   "cs": ["pozice", "povolání"], "ro": ["funcție", "ocupație"]})
_DATE_TR = {"de": ["Datum"], "fr": ["date"], "es": ["fecha"], "it": ["data"], "pt": ["data"], "nl": ["datum"], "pl": ["data"],
            "sv": ["datum"], "da": ["dato"], "fi": ["päivämäärä", "pvm"], "cs": ["datum"], "ro": ["data"]}
K("date", "date", V.g_date, ["date", "order date", "created", "signup date", "start date", "end date", "due date",
                             "invoice date", "ship date", "hire date", "payment date", "visit date", "admission date",
                             "discharge date", "transaction date", "effective date", "expiry date", "last seen",
                             "delivery date", "report date", "period", "day", "as of", "valid from", "valid to", "closed date"],
  {k: v + {"de": ["Bestelldatum", "Eintrittsdatum", "Rechnungsdatum", "Fälligkeitsdatum"],
           "fr": ["date de commande", "date d'embauche", "date d'échéance"],
           "es": ["fecha de pedido", "fecha de alta", "fecha de vencimiento"],
           "it": ["data ordine", "data scadenza"], "pt": ["data do pedido", "data de admissão"],
           "nl": ["besteldatum", "vervaldatum"], "pl": ["data zamówienia", "termin płatności"],
           "sv": ["orderdatum", "förfallodatum"]}.get(k, []) for k, v in _DATE_TR.items()})
K("date_period", "date", V.g_date_period, ["year", "month", "period", "date", "yr", "month start", "fiscal period",
                                            "as of", "quarter", "reporting month", "model year", "season", "vintage"],
  _DATE_TR)
K("datetime", "datetime", V.g_datetime, ["timestamp", "created at", "updated at", "datetime", "event time", "ts", "time",
                                         "logged at", "last login", "modified", "created on", "occurred at",
                                         "received at", "login time", "pickup datetime", "date time", "recorded at"],
  {"de": ["Zeitstempel", "Erstellt am", "Zeitpunkt"], "fr": ["horodatage", "date et heure", "créé le"],
   "es": ["fecha y hora", "marca de tiempo", "creado"], "it": ["data e ora", "creato il"], "pt": ["data e hora", "criado em"],
   "nl": ["tijdstip", "aangemaakt op"], "pl": ["data i godzina", "znacznik czasu"], "sv": ["tidpunkt", "skapad"],
   "da": ["tidspunkt"], "fi": ["aikaleima"], "cs": ["časová značka"], "ro": ["data și ora"]})
K("time", "time", V.g_time, ["time", "start time", "end time", "appointment time", "departure", "arrival", "time of day",
                             "opening time", "closing time", "check in time", "pickup time", "hour", "slot"],
  {"de": ["Uhrzeit", "Zeit", "Beginn"], "fr": ["heure", "heure de début"], "es": ["hora", "hora de inicio"],
   "it": ["ora", "orario"], "pt": ["hora", "horário"], "nl": ["tijd", "aanvangstijd"], "pl": ["godzina", "czas"],
   "sv": ["tid", "klockslag"], "da": ["tid"], "fi": ["kellonaika"], "cs": ["čas"], "ro": ["ora"]})
_MONEY_TR = {"de": ["Betrag", "Preis", "Summe", "Gehalt", "Kosten"], "fr": ["montant", "prix", "salaire", "coût", "total"],
             "es": ["importe", "precio", "salario", "total", "monto"], "it": ["importo", "prezzo", "stipendio", "costo"],
             "pt": ["valor", "preço", "salário", "custo"], "nl": ["bedrag", "prijs", "salaris"], "pl": ["kwota", "cena", "wynagrodzenie"],
             "sv": ["belopp", "pris", "lön"], "da": ["beløb", "pris", "løn"], "fi": ["summa", "hinta", "palkka"],
             "cs": ["částka", "cena", "plat"], "ro": ["suma", "preț", "salariu"]}
K("amount", "currency_amount", _p(V.g_currency, kind="amount"),
  ["amount", "total", "total amount", "order total", "transaction amount", "value", "net amount", "gross amount",
   "subtotal", "revenue", "sales", "payment", "amt", "charge", "refund amount", "cost", "spend", "paid", "invoice total", "tax",
   "assets", "market value", "marketvalue", "profits", "earnings", "expenditure", "expenses", "budget", "turnover",
   "capital", "liabilities", "equity", "net income", "operating income", "ebitda", "cash", "deposit", "withdrawal",
   "loan amount", "principal", "premium", "claim amount", "donation", "grant", "avg price", "gross", "us gross",
   "worldwide gross", "production budget", "receipts", "spending", "wages"], _MONEY_TR)
K("price", "currency_amount", _p(V.g_currency, kind="price"),
  ["price", "unit price", "list price", "cost", "msrp", "retail price", "sale price", "price usd", "unit cost", "rate", "fare"], _MONEY_TR)
K("salary", "currency_amount", _p(V.g_currency, kind="salary"),
  ["salary", "annual salary", "base salary", "wage", "compensation", "pay", "income", "gross pay", "annual income", "bonus"], _MONEY_TR)
K("balance", "currency_amount", _p(V.g_currency, kind="balance"),
  ["balance", "account balance", "current balance", "credit limit", "outstanding", "available balance", "net", "profit"], _MONEY_TR)
K("fee", "currency_amount", _p(V.g_currency, kind="fee"), ["fee", "shipping cost", "shipping", "tip", "fees", "commission", "discount", "surcharge"], _MONEY_TR)

_NUM_HEAD = ["value", "count", "qty", "quantity", "units", "total", "n", "score", "points", "rank", "level", "rate",
             "ratio", "pct", "percent", "share", "weight", "height", "length", "width", "depth", "volume", "size",
             "distance", "speed", "duration", "elevation", "area", "density", "population", "gdp", "mpg", "horsepower",
             "displacement", "acceleration", "cylinders", "temp", "temp max", "temp min", "precipitation", "wind",
             "humidity", "pressure", "visibility", "views", "clicks", "impressions", "conversions", "sessions",
             "bounce rate", "latency ms", "response time", "bytes", "bytes sent", "cpu", "memory mb", "disk gb",
             "voltage", "current", "power kw", "energy kwh", "dose mg", "bmi", "glucose", "cholesterol", "systolic",
             "diastolic", "heart rate", "spo2", "carat", "delay", "delay min", "stars", "likes", "shares", "followers",
             "downloads", "visits", "items", "stock", "inventory", "reorder level", "lead time", "capacity", "seats",
             "floors", "rooms", "bedrooms", "bathrooms", "sq ft", "lot size", "mileage", "odometer", "battery",
             "signal strength", "rssi", "magnitude", "index", "x", "y", "z", "measurement", "reading", "result",
             "mean", "median", "std", "min", "max", "avg", "sum", "var", "coefficient", "estimate", "p value",
             "weight kg", "height cm", "length mm", "temperature c", "precip mm", "wind speed", "attempts", "errors",
             "retries", "children", "dependents", "household size", "years of experience", "tenure months",
             "credit score", "nps", "interest rate", "apr", "growth", "change", "return", "yield", "volatility"]
_NUM_TR = {"de": ["Anzahl", "Menge", "Wert", "Gewicht", "Höhe", "Dauer", "Punkte"], "fr": ["quantité", "nombre", "valeur", "poids", "durée"],
           "es": ["cantidad", "número", "valor", "peso", "duración"], "it": ["quantità", "numero", "valore", "peso"],
           "pt": ["quantidade", "número", "valor", "peso"], "nl": ["aantal", "hoeveelheid", "waarde", "gewicht"],
           "pl": ["ilość", "liczba", "wartość", "waga"], "sv": ["antal", "mängd", "värde", "vikt"],
           "da": ["antal", "værdi"], "fi": ["määrä", "arvo"], "cs": ["množství", "hodnota"], "ro": ["cantitate", "valoare"]}
for _k in ["measure", "count", "small_int", "big_int", "percent", "ratio", "signed", "sci", "rating", "score",
           "temperature", "duration", "bytes", "pct_str", "decimal_comma", "thousands"]:
    K("num_" + _k, "numeric", _p(V.g_numeric, kind=_k), _NUM_HEAD, _NUM_TR)
K("num_code", "numeric", _p(V.g_numeric, kind="code"),
  ["trt", "treatment", "grp", "group", "arm", "type", "class", "cls", "stage", "grade", "level", "region", "edu", "educ",
   "race", "occ", "site", "batch", "block", "plot", "rep", "dose", "wave", "period", "cat", "code", "q1", "q2", "item",
   "x1", "x2", "v1", "v2", "f1", "war", "fly", "ver", "end", "hai", "cond", "centre", "center", "inst", "ses", "diet",
   "program", "shift", "tier", "priority", "zone"], _NUM_TR)
H["num_year"] = ["year", "yr", "model year", "season", "fiscal year", "year built", "vintage", "release year", "cohort",
                 "year of birth", "graduation year", "academic year", "since"]
K("num_year", "numeric", _p(V.g_numeric, kind="year"), H["num_year"],
  {"de": ["Jahr", "Baujahr"], "fr": ["année"], "es": ["año"], "it": ["anno"], "pt": ["ano"], "nl": ["jaar"], "pl": ["rok"],
   "sv": ["år"], "da": ["år"], "fi": ["vuosi"], "cs": ["rok"], "ro": ["an"]})
K("num_rating", "numeric", _p(V.g_numeric, kind="rating"), ["rating", "stars", "score", "satisfaction", "review score",
                                                            "q1", "q2", "q3", "nps", "grade", "likert", "overall"],
  {"de": ["Bewertung", "Note"], "fr": ["note", "évaluation"], "es": ["puntuación", "valoración"], "it": ["voto", "valutazione"],
   "pt": ["nota", "avaliação"], "nl": ["beoordeling", "cijfer"], "pl": ["ocena"], "sv": ["betyg"]})
K("num_agelike2", "numeric", _p(V.g_numeric, kind="agelike"),
  ["score", "heart rate", "pulse", "weight", "weight kg", "rate", "percent", "pct", "likely", "probability", "grade",
   "mark", "points", "temp f", "humidity", "karnofsky", "performance", "index", "rating", "speed", "bpm", "capacity",
   "minutes", "duration", "value", "reading", "level", "load", "usage", "utilisation", "battery", "confidence"], _NUM_TR)
K("num_latlike", "numeric", V.g_latlike, ["change", "delta", "angle", "bearing", "heading", "offset", "correlation",
                                          "temp anomaly", "deviation", "residual", "coef", "slope", "pitch", "roll", "yaw"], {})
K("num_agelike", "numeric", _p(V.g_age, lo=0, hi=99), ["visits", "qty", "count", "items", "orders", "n", "score", "quantity",
                                                      "duration days", "minutes", "stock", "pages", "days", "hits", "tickets", "units"],
  _NUM_TR)

_ID_HEAD = ["id", "record id", "row id", "key", "pk", "order id", "customer id", "user id", "account id", "order number",
            "order no", "invoice no", "invoice number", "ticket id", "reference", "ref", "ref no", "transaction id",
            "item id", "product id", "sku", "code", "number", "no", "nr", "#", "index", "seq", "serial", "serial number",
            "booking ref", "confirmation code", "case id", "claim number", "policy number", "member id", "employee id",
            "emp no", "patient id", "mrn", "student id", "device id", "asset tag", "shipment id", "tracking number",
            "isbn", "ean", "barcode", "upc", "part number", "model number", "batch", "lot number", "store code",
            "product code", "item code", "article no", "reference number", "external ref"]
_ID_TR = {"de": ["Nr.", "Kundennummer", "Bestellnummer", "Rechnungsnummer", "Artikelnummer", "Nummer"],
          "fr": ["numéro", "référence", "n°", "numéro de commande", "réf"], "es": ["número", "referencia", "n.º", "número de pedido"],
          "it": ["numero", "codice", "riferimento", "n."], "pt": ["número", "código", "referência", "nº"],
          "nl": ["nummer", "klantnummer", "ordernummer"], "pl": ["numer", "nr", "kod", "numer zamówienia"],
          "sv": ["nummer", "nr", "kundnummer"], "da": ["nummer", "nr"], "fi": ["numero", "tunnus"], "cs": ["číslo", "kód"],
          "ro": ["număr", "cod"]}
for _k in ["seq", "prefixed", "sku", "invoice", "random_int", "hexid", "order_phone", "isbn", "tracking", "zip_like",
           "alnum", "ean", "mongo", "imei"]:
    K("id_" + _k, "identifier", _p(V.g_identifier, kind=_k), _ID_HEAD, _ID_TR)
H["id_imei"] = ["imei", "device imei", "imei number", "handset id", "device serial", "serial number", "hardware id"]
# Record keys of real datasets, shaped like documents, handles or SSNs, under the headers they come with.
for _k, _heads in {
    "letter_digits": ["member id", "bioguide id", "player id", "person key", "record key", "id", "code", "key", "voter id"],
    "slug": ["player id", "slug", "key", "bbref id", "person id", "page id", "athlete id", "id"],
    "film_id": ["imdb id", "title id", "tconst", "film id", "movie id", "id", "nconst"],
    "channel_id": ["channel id", "channel", "youtube id", "id", "channel key"],
    "wikidata": ["wikidata", "wikidata id", "qid", "entity id", "wd id", "item"],
    "order_ssn": ["order ref", "related order", "order number", "case no", "case number", "ticket no", "claim ref",
                  "docket", "file number", "reference", "parent order"],
    "routing": ["aba", "routing number", "bank routing", "routing no", "aba number", "transit number", "rtn"],
    "badge": ["badge no", "badge", "badge number", "employee badge", "officer id", "unit number"],
    "code_slug": ["slug", "key", "code", "url key", "permalink", "name id"],
    "crypto": ["address", "token address", "contract", "contract address", "wallet", "mint", "pool id", "id"],
    # foreign keys: small integers that repeat, under "<thing> id" headers (generation_id, color_id)
    "foreign_key": [f"{w} {k}" for w in ["user", "customer", "product", "order", "category", "region", "store",
                                         "author", "parent", "generation", "type", "color", "shape", "language",
                                         "location", "route", "team", "season", "group", "status", "item",
                                         "account", "species", "habitat", "department", "school", "site"]
                    for k in ["id", "id", "key", "no"]] + ["fk", "ref id"],
}.items():
    K("id_" + _k, "identifier", _p(V.g_identifier, kind=_k), _heads, _ID_TR)
K("officials", "last_name", V.g_few_surnames, ["referee", "judge", "umpire", "official", "inspector", "arbiter",
                                               "linesman", "chair umpire", "magistrate", "examiner", "referee name",
                                               "presiding judge", "officer"],
  {"de": ["Schiedsrichter", "Richter", "Prüfer"], "fr": ["arbitre", "juge"], "es": ["árbitro", "juez"],
   "it": ["arbitro", "giudice"], "pt": ["árbitro", "juiz"], "nl": ["scheidsrechter", "rechter"]})
K("id_ssnlike", "identifier", V.g_ssn_invalid, ["order number", "ref no", "case number", "ticket", "file no", "claim id",
                                                "reference", "account no", "part no", "lot", "routing code", "code"], _ID_TR)
K("id_cardlike", "identifier", V.g_card_invalid, ["reference", "transaction ref", "tracking number", "barcode", "serial number",
                                                  "account number", "voucher code", "gift card", "order ref", "loyalty number",
                                                  "member number", "confirmation number"], _ID_TR)
_CAT_HEAD = ["status", "type", "category", "class", "group", "segment", "tier", "level", "plan", "channel", "source",
             "method", "mode", "priority", "severity", "stage", "kind", "department", "division", "team", "region",
             "zone", "color", "colour", "size", "brand", "model", "variant", "flag", "code", "label", "outcome",
             "result", "reason code", "payment method", "device type", "os", "browser", "platform", "language",
             "currency", "unit", "species", "genre", "cut", "clarity", "grade", "origin", "fuel", "weather", "sector",
             "industry", "format", "education", "marital status", "blood type", "treatment", "condition", "arm",
             "cluster", "cohort", "shift", "day of week", "month", "quarter", "season", "tag", "topic"]
_CAT_TR = {"de": ["Status", "Typ", "Kategorie", "Gruppe", "Abteilung", "Farbe", "Größe"],
           "fr": ["statut", "type", "catégorie", "groupe", "service", "couleur", "taille"],
           "es": ["estado", "tipo", "categoría", "grupo", "departamento", "color", "talla"],
           "it": ["stato", "tipo", "categoria", "gruppo", "reparto", "colore", "taglia"],
           "pt": ["status", "tipo", "categoria", "grupo", "departamento", "cor", "tamanho"],
           "nl": ["status", "soort", "categorie", "groep", "afdeling", "kleur"], "pl": ["status", "typ", "kategoria", "grupa", "dział", "kolor"],
           "sv": ["status", "typ", "kategori", "grupp", "avdelning", "färg"], "da": ["status", "type", "kategori"],
           "fi": ["tila", "tyyppi", "luokka"], "cs": ["stav", "typ", "kategorie"], "ro": ["stare", "tip", "categorie"]}
for _k in ["list", "codes", "hexcolor", "version", "species", "words", "numcode", "grade"]:
    K("cat_" + _k, "categorical", _p(V.g_categorical, kind=_k), _CAT_HEAD, _CAT_TR)
H["cat_hexcolor"] = ["color", "colour", "hex", "hex color", "swatch", "theme color", "bg color", "fill"]
K("cat_letter_codes", "categorical", V.g_letter_codes, ["offense class", "charge class", "degree", "size", "class",
                                                        "grade", "severity", "level", "unit", "units", "type", "code",
                                                        "crime class", "charge degree"], _CAT_TR)
H["cat_version"] = ["version", "app version", "os version", "firmware", "build", "release", "sdk version", "firmware version"]
K("organisation", "company_name", V.g_organisation,
  ["team", "club", "university", "college", "school", "hospital", "agency", "department", "bank", "institution",
   "party", "network", "library", "organization", "organisation", "name", "home team", "away team", "winner",
   "runner up", "provider", "sponsor", "lender", "operator", "publisher", "broadcaster", "brand", "make", "maker",
   "manufacturer"],
  {"de": ["Verein", "Mannschaft", "Hochschule", "Behörde", "Träger"], "fr": ["équipe", "club", "organisme", "établissement"],
   "es": ["equipo", "entidad", "organismo", "institución"], "it": ["squadra", "ente", "istituto"],
   "pt": ["equipe", "entidade", "instituição"], "nl": ["vereniging", "instelling", "ploeg"]})
K("thing_name", "categorical", V.g_thing_name, ["name", "product", "product name", "item", "item name", "model", "title",
                                               "car", "vehicle", "team", "movie", "film", "book title", "song", "album",
                                               "place", "venue", "site name", "dish", "menu item", "course", "program"],
  {"de": ["Produkt", "Artikel", "Bezeichnung", "Titel"], "fr": ["produit", "article", "libellé", "titre"],
   "es": ["producto", "artículo", "título"], "it": ["prodotto", "articolo", "titolo"], "pt": ["produto", "artigo", "título"],
   "nl": ["product", "artikel", "titel"], "pl": ["produkt", "towar", "tytuł"], "sv": ["produkt", "artikel", "titel"]})
K("thing_list", "categorical", V.g_thing_list, ["name", "item", "product", "kind", "fruit", "label", "tree", "planet", "sign",
                                                "drink", "object", "category", "type", "variety", "crop"], _CAT_TR)
K("model_code", "categorical", V.g_model_code, ["name", "model", "system", "machine", "device", "product", "model name",
                                                "type", "camera", "unit"], _CAT_TR)
K("boolean", "boolean", V.g_boolean, ["active", "is active", "enabled", "verified", "subscribed", "opt in", "newsletter",
                                      "is deleted", "deleted", "paid", "is paid", "flag", "approved", "completed", "smoker",
                                      "has children", "married", "vip", "is admin", "email verified", "churned",
                                      "returning", "fraud", "is fraud", "in stock", "available", "online", "consent",
                                      "gdpr consent", "marketing opt in", "first time", "success", "passed", "survived",
                                      "default", "insured", "is test", "mfa enabled", "archived"],
  {"de": ["aktiv", "bezahlt", "gelöscht", "Newsletter", "verifiziert"], "fr": ["actif", "payé", "supprimé", "abonné"],
   "es": ["activo", "pagado", "borrado", "suscrito"], "it": ["attivo", "pagato", "iscritto"], "pt": ["ativo", "pago", "inscrito"],
   "nl": ["actief", "betaald", "verwijderd"], "pl": ["aktywny", "opłacone", "usunięty"], "sv": ["aktiv", "betald"],
   "da": ["aktiv", "betalt"], "fi": ["aktiivinen"], "cs": ["aktivní"], "ro": ["activ"]})

for _kind, (_lab, _fn) in KINDS.items():
    assert _lab in LABELS, (_kind, _lab)

# --------------------------------------------------------------------------------------------
# table templates: (name, [(kind, probability), ...]) in the order a real export would have them

NUM = "num_measure"


def T_(name, cols):
    return (name, cols)


TEMPLATES = [
    T_("customers", [("id_seq", .7), ("first_name", .8), ("last_name", .8), ("email", .9), ("phone", .7), ("dob", .4),
                     ("gender", .4), ("street_address", .6), ("city", .7), ("state", .5), ("postal_code", .6),
                     ("country", .5), ("date", .5), ("boolean", .4), ("cat_list", .3), ("num_count", .3)]),
    T_("customers_flat", [("uuid", .4), ("person_name", 1), ("email", .8), ("phone", .6), ("company", .4),
                          ("city", .5), ("country", .5), ("datetime", .5), ("amount", .3), ("free_text", .2)]),
    T_("employees", [("id_prefixed", .7), ("first_name", .7), ("last_name", .7), ("person_name", .3), ("email", .7),
                     ("phone", .5), ("job", .9), ("cat_list", .6), ("date", .8), ("salary", .8), ("dob", .5),
                     ("age", .3), ("gender", .4), ("national_id", .3), ("ssn", .2), ("person_name", .3),
                     ("boolean", .3), ("city", .3)]),
    T_("hr_payroll", [("id_seq", .8), ("person_name", .9), ("ssn", .5), ("national_id", .4), ("iban", .7),
                      ("salary", .9), ("fee", .4), ("date", .8), ("cat_list", .5), ("job", .5), ("num_small_int", .3)]),
    T_("patients", [("id_alnum", .7), ("first_name", .6), ("last_name", .6), ("person_name", .4), ("dob", .9),
                    ("age", .5), ("gender", .7), ("gender_num", .1), ("num_code", .3), ("phone", .5), ("street_address", .4), ("postal_code", .4),
                    ("national_id", .3), ("date", .7), ("cat_list", .6), ("num_measure", .6), ("num_measure", .5),
                    ("person_name", .3), ("free_text", .4), ("boolean", .3)]),
    T_("orders", [("id_prefixed", .9), ("id_seq", .5), ("date", .8), ("datetime", .3), ("person_name", .4), ("email", .4),
                  ("thing_name", .5), ("id_sku", .5), ("num_count", .8), ("price", .8), ("amount", .8), ("fee", .3),
                  ("cat_list", .7), ("street_address", .3), ("city", .4), ("postal_code", .3), ("country", .3),
                  ("id_tracking", .3)]),
    T_("transactions", [("uuid", .5), ("id_prefixed", .4), ("datetime", .9), ("amount", 1), ("cat_list", .6),
                        ("credit_card", .5), ("iban", .3), ("company", .5), ("city", .3), ("country", .4),
                        ("ip", .3), ("boolean", .4), ("id_cardlike", .2), ("balance", .3)]),
    T_("payments", [("id_seq", .6), ("person_name", .7), ("credit_card", .8), ("num_small_int", .3), ("date", .6),
                    ("amount", .9), ("cat_list", .5), ("postal_code", .4), ("email", .4), ("iban", .3), ("boolean", .3)]),
    T_("web_logs", [("datetime", 1), ("ip", 1), ("cat_list", .8), ("url", .9), ("cat_numcode", .6), ("num_bytes", .7),
                    ("num_duration", .5), ("url", .3), ("free_text", .3), ("username", .3), ("uuid", .3)]),
    T_("users_accounts", [("id_seq", .7), ("uuid", .3), ("username", .9), ("email", .9), ("password_hash", .8),
                          ("datetime", .7), ("datetime", .4), ("ip", .4), ("boolean", .6), ("boolean", .3),
                          ("cat_list", .4), ("api_key", .3), ("num_count", .3), ("country", .3)]),
    T_("api_credentials", [("id_seq", .5), ("company", .5), ("username", .6), ("api_key", 1), ("api_key", .4),
                           ("datetime", .7), ("date", .4), ("cat_list", .5), ("boolean", .5), ("url", .4), ("ip", .3)]),
    T_("devices", [("uuid", .6), ("id_alnum", .4), ("id_imei", .3), ("mac", .9), ("ip", .7), ("cat_list", .7), ("cat_version", .6),
                   ("thing_name", .3), ("datetime", .6), ("latitude", .4), ("longitude", .4), ("num_measure", .4),
                   ("boolean", .4), ("username", .3)]),
    T_("addresses", [("id_seq", .6), ("person_name", .5), ("street_address", 1), ("city", .9), ("state", .7),
                     ("postal_code", .9), ("country", .6), ("latitude", .3), ("longitude", .3), ("phone", .3)]),
    T_("geo_points", [("id_seq", .6), ("thing_name", .4), ("city", .5), ("latitude", 1), ("longitude", 1),
                      ("num_measure", .6), ("cat_list", .5), ("datetime", .4), ("country", .4), ("num_signed", .3)]),
    T_("survey_responses", [("id_seq", .6), ("uuid", .3), ("datetime", .6), ("age", .6), ("num_agelike2", .4), ("gender", .6), ("country", .4),
                            ("state", .3), ("num_rating", .9), ("num_rating", .8), ("num_rating", .6),
                            ("cat_list", .7), ("boolean", .5), ("free_text", .6), ("email", .2)]),
    T_("product_catalogue", [("id_sku", .8), ("id_ean", .4), ("thing_name", .9), ("free_text", .5), ("cat_list", .8),
                             ("company", .5), ("price", .9), ("num_count", .6), ("num_measure", .5), ("cat_hexcolor", .3),
                             ("boolean", .5), ("url", .3), ("num_rating", .4), ("date", .3)]),
    T_("sensor_readings", [("id_alnum", .5), ("datetime", 1), ("num_temperature", .8), ("num_measure", .9),
                           ("num_measure", .7), ("num_ratio", .5), ("num_signed", .5), ("cat_list", .4), ("boolean", .3),
                           ("num_latlike", .3), ("time", .2)]),
    T_("weather", [("date", 1), ("city", .5), ("num_temperature", .9), ("num_temperature", .7), ("num_measure", .8),
                   ("num_measure", .6), ("num_percent", .5), ("cat_list", .7), ("num_signed", .3)]),
    T_("country_indicators", [("country", 1), ("num_year", .7), ("date_period", .25), ("num_big_int", .8), ("num_measure", .8),
                              ("num_measure", .6), ("num_percent", .5), ("cat_list", .6), ("num_thousands", .3)]),
    T_("sports_stats", [("person_name", .7), ("organisation", .5), ("thing_name", .3), ("country", .4), ("num_year", .5), ("age", .4),
                        ("num_small_int", .8), ("num_count", .7), ("num_measure", .6), ("num_ratio", .5),
                        ("cat_list", .5), ("time", .2)]),
    T_("stock_prices", [("date", .7), ("date_period", .3), ("cat_codes", .6), ("price", .9), ("price", .8), ("price", .8),
                        ("num_big_int", .8), ("num_signed", .4), ("num_pct_str", .3)]),
    T_("lab_experiment", [("id_seq", .7), ("thing_list", .3), ("cat_list", .9), ("cat_species", .3), ("num_measure", 1), ("num_measure", .9),
                          ("num_measure", .7), ("num_sci", .4), ("num_small_int", .5), ("boolean", .3), ("num_ratio", .4)]),
    T_("shipments", [("id_tracking", .9), ("id_prefixed", .5), ("company", .6), ("person_name", .5),
                     ("street_address", .7), ("city", .8), ("postal_code", .7), ("country", .6), ("date", .8),
                     ("date", .5), ("num_measure", .6), ("fee", .5), ("cat_list", .7), ("phone", .3)]),
    T_("invoices", [("id_invoice", .9), ("company", .9), ("date", .9), ("date", .6), ("amount", .9), ("amount", .5),
                    ("fee", .4), ("cat_list", .6), ("iban", .3), ("email", .4), ("id_zip_like", .3), ("free_text", .3)]),
    T_("support_tickets", [("id_prefixed", .9), ("datetime", .9), ("person_name", .5), ("email", .7), ("cat_list", .9),
                           ("cat_list", .6), ("free_text", .9), ("username", .4), ("datetime", .4), ("num_duration", .3)]),
    T_("bank_accounts", [("id_random_int", .6), ("person_name", .8), ("iban", .9), ("balance", .8), ("cat_list", .5),
                         ("date", .7), ("dob", .4), ("national_id", .3), ("street_address", .3), ("boolean", .3)]),
    T_("events_clickstream", [("uuid", .7), ("datetime", 1), ("username", .3), ("id_hexid", .4), ("cat_list", .9),
                              ("url", .7), ("url", .3), ("cat_list", .6), ("ip", .4), ("num_duration", .5),
                              ("cat_version", .3), ("country", .3), ("boolean", .3)]),
    T_("real_estate", [("id_seq", .6), ("street_address", .8), ("city", .7), ("state", .4), ("postal_code", .6),
                       ("price", .9), ("num_small_int", .8), ("num_small_int", .6), ("num_measure", .8), ("num_year", .6),
                       ("latitude", .4), ("longitude", .4), ("cat_list", .5), ("date", .4), ("free_text", .3)]),
    T_("vehicles", [("id_alnum", .7), ("thing_name", .8), ("company", .3), ("num_year", .6), ("date_period", .25), ("num_measure", .7),
                    ("num_small_int", .6), ("cat_list", .7), ("price", .5), ("person_name", .4), ("date", .4),
                    ("cat_hexcolor", .2)]),
    T_("subscriptions", [("id_prefixed", .7), ("email", .8), ("cat_list", .9), ("price", .8), ("date", .9), ("date", .6),
                         ("boolean", .7), ("cat_list", .4), ("credit_card", .3), ("num_count", .3)]),
    T_("marketing_campaign", [("id_seq", .5), ("thing_name", .5), ("date", .6), ("date_period", .3), ("cat_list", .8), ("num_count", .9),
                              ("num_count", .8), ("num_percent", .6), ("amount", .6), ("num_ratio", .5), ("url", .3)]),
    T_("identity_docs", [("id_seq", .6), ("first_name", .7), ("last_name", .7), ("dob", .8), ("gender", .5),
                         ("country", .6), ("passport", .8), ("national_id", .6), ("date", .7), ("date", .5),
                         ("city", .4)]),
    T_("contacts", [("first_name", .6), ("last_name", .6), ("person_name", .4), ("company", .7), ("job", .7),
                    ("email", .9), ("phone", .8), ("phone", .3), ("url", .3), ("street_address", .4), ("city", .5),
                    ("country", .4), ("free_text", .3)]),
    T_("record_keys", [("id_letter_digits", .6), ("person_name", .5), ("id_slug", .4), ("id_film_id", .3),
                       ("id_channel_id", .3), ("id_wikidata", .3), ("id_crypto", .2), ("id_foreign_key", .5),
                       ("id_foreign_key", .3), ("date", .6), ("num_count", .5), ("thing_name", .4),
                       ("country", .3), ("id_code_slug", .3)]),
    T_("order_refs", [("id_order_ssn", .8), ("id_routing", .5), ("id_badge", .5), ("amount", .7), ("date", .6),
                      ("cat_list", .5), ("company", .4), ("cat_letter_codes", .4)]),
    T_("court_cases", [("id_order_ssn", .5), ("date", .8), ("cat_letter_codes", .9), ("officials", .7),
                       ("thing_name", .4), ("city", .4), ("amount", .5), ("cat_list", .4)]),
    T_("officiated_matches", [("date", .9), ("organisation", .6), ("organisation", .4), ("thing_name", .2), ("num_small_int", .7),
                              ("num_small_int", .7), ("officials", 1), ("officials", .4), ("city", .4), ("num_count", .4)]),
    T_("hard_negatives", [("id_ssnlike", .5), ("id_cardlike", .5), ("id_order_phone", .5), ("id_isbn", .3),
                          ("id_order_ssn", .4), ("id_routing", .3), ("cat_letter_codes", .4), ("id_letter_digits", .3),
                          ("id_zip_like", .4), ("id_imei", .3), ("num_year", .4), ("num_rating", .4), ("num_percent", .4),
                          ("num_latlike", .4), ("num_agelike", .5), ("num_agelike2", .5), ("cat_hexcolor", .3), ("cat_version", .3),
                          ("boolean", .5), ("num_small_int", .4), ("id_tracking", .3), ("thing_name", .3),
                          ("cat_species", .3), ("id_mongo", .2), ("num_decimal_comma", .3),
                          ("thing_list", .4), ("model_code", .3)]),
    T_("movies", [("thing_name", 1), ("amount", .7), ("amount", .5), ("date", .8), ("cat_list", .8), ("num_count", .6),
                  ("company", .6), ("cat_list", .7), ("person_name", .7), ("num_rating", .7), ("num_big_int", .6)]),
    T_("incidents", [("id_seq", .5), ("first_name", .8), ("last_name", .8), ("age", .8), ("gender", .8), ("cat_list", .8),
                     ("date", .9), ("street_address", .7), ("cat_words", .6), ("cat_list", .5), ("longitude", .7),
                     ("latitude", .7)]),
    T_("facilities_ref", [("cat_codes", .8), ("thing_name", .9), ("city", .9), ("state", .7), ("country", .6),
                          ("latitude", .9), ("longitude", .9), ("num_count", .3)]),
    T_("organisations_directory", [("id_seq", .6), ("organisation", 1), ("street_address", .5), ("city", .8), ("state", .6),
                                   ("postal_code", .4), ("phone", .6), ("url", .6), ("email", .3), ("cat_list", .6),
                                   ("num_year", .3), ("num_count", .3)]),
    T_("zip_reference", [("postal_code", 1), ("latitude", .9), ("longitude", .9), ("city", .9), ("state", .9),
                         ("cat_words", .4), ("num_big_int", .4)]),
    T_("people_lookup", [("person_name", 1), ("age", .8), ("num_measure", .7), ("num_measure", .4), ("gender", .4),
                         ("cat_list", .4)]),
    T_("stats_dataset", [("id_seq", .5), ("thing_list", .3), ("num_agelike2", .4), ("num_measure", 1), ("num_measure", .8), ("num_code", .7), ("num_code", .5),
                         ("boolean", .5), ("num_small_int", .5), ("cat_list", .5), ("age", .3), ("gender_num", .12),
                         ("gender", .2), ("num_year", .3), ("num_signed", .4), ("num_count", .5), ("num_measure", .5),
                         ("num_code", .3)]),
    # ---- test-only templates
    T_("hotel_bookings", [("id_prefixed", .9), ("person_name", .8), ("email", .6), ("phone", .6), ("country", .6),
                          ("date", .9), ("date", .9), ("time", .4), ("num_small_int", .8), ("cat_list", .8),
                          ("price", .8), ("amount", .6), ("credit_card", .4), ("passport", .3), ("boolean", .5),
                          ("free_text", .4)]),
    T_("insurance_claims", [("id_ssnlike", .4), ("id_prefixed", .8), ("first_name", .6), ("last_name", .6),
                            ("dob", .8), ("ssn", .5), ("street_address", .5), ("state", .6), ("postal_code", .5),
                            ("date", .9), ("amount", .9), ("cat_list", .8), ("free_text", .6), ("boolean", .4),
                            ("company", .4)]),
    T_("student_records", [("id_seq", .8), ("first_name", .8), ("last_name", .8), ("dob", .7), ("age", .5),
                           ("gender", .7), ("email", .6), ("username", .4), ("cat_grade", .6), ("num_score", .8),
                           ("num_score", .6), ("num_year", .5), ("city", .4), ("boolean", .4), ("phone", .3)]),
    T_("network_inventory", [("id_alnum", .6), ("thing_name", .5), ("ip", .9), ("ip", .4), ("mac", .9),
                             ("cat_version", .7), ("cat_list", .7), ("uuid", .4), ("datetime", .7), ("username", .4),
                             ("password_hash", .3), ("api_key", .3), ("latitude", .3), ("longitude", .3), ("boolean", .4)]),
    T_("crm_leads", [("uuid", .5), ("person_name", .8), ("job", .7), ("company", .8), ("email", .8), ("phone", .7),
                     ("url", .5), ("city", .5), ("state", .4), ("country", .5), ("cat_list", .8), ("amount", .6),
                     ("date", .7), ("free_text", .5), ("num_rating", .3)]),
]
TEMPLATE_NAMES = [t[0] for t in TEMPLATES]
assert TEST_TEMPLATES <= set(TEMPLATE_NAMES)
for _n, _cols in TEMPLATES:
    for _k, _ in _cols:
        assert _k in KINDS, (_n, _k)

# filler columns that any table may get, so templates do not fully determine their neighbours
FILLER = ["num_measure", "num_count", "num_small_int", "num_percent", "cat_list", "cat_list", "boolean", "date",
          "id_seq", "num_year", "datetime", "cat_words", "num_ratio", "thing_name", "cat_codes", "num_big_int",
          "free_text", "num_signed", "country", "city", "amount", "num_code", "num_code", "num_agelike2", "num_agelike2",
          "thing_list", "model_code", "date_period", "id_foreign_key"]

# --------------------------------------------------------------------------------------------
# messiness

NULL_TOKENS = ["", "", "", "NULL", "N/A", "-", "null", "None", "NA", "nan", "NaN", "n/a", "#N/A", "(null)", "?", "NONE", "missing"]
GENERIC_HEADERS = ["col_{i}", "Unnamed: {i}", "V{j}", "field{j}", "", "", "column{j}", "X{j}", "c{i}", "F{j}", "var{j}",
                   "attr_{i}", "col{j}", "Column {j}", "field_{j}", "data{j}", "value{j}", "unknown_{i}", "{L}", "prop{j}"]


def style_header(r, phrase, style):
    words = phrase.replace("_", " ").replace("-", " ").split() if style != "raw" else [phrase]
    if not words:
        return phrase
    if style == "snake":
        return "_".join(w.lower() for w in words)
    if style == "camel":
        return words[0].lower() + "".join(w[:1].upper() + w[1:].lower() for w in words[1:])
    if style == "pascal":
        return "".join(w[:1].upper() + w[1:].lower() for w in words)
    if style == "upper":
        return "_".join(w.upper() for w in words)
    if style == "title":
        return " ".join(w[:1].upper() + w[1:] for w in words)
    if style == "lower":
        return " ".join(w.lower() for w in words)
    if style == "kebab":
        return "-".join(w.lower() for w in words)
    if style == "dot":
        return ".".join(w.lower() for w in words)
    if style == "upper_space":
        return " ".join(w.upper() for w in words)
    return phrase


HEADER_STYLES = ["snake", "snake", "snake", "camel", "pascal", "upper", "title", "title", "lower", "kebab", "dot",
                 "upper_space", "raw", "raw"]


def make_header(r, kind, lang, style, i, generic_p):
    if r.random() < generic_p:
        g = r.choice(GENERIC_HEADERS)
        return g.format(i=i, j=i + 1, L=chr(65 + i % 26))
    tr = T.get(kind, {}).get(lang)
    if tr and r.random() < 0.55:
        phrase = r.choice(tr)
        st = style if r.random() < 0.5 else r.choice(["raw", "raw", "snake", "title"])
    else:
        phrase = r.choice(H[kind])
        st = style
    h = style_header(r, phrase, st)
    x = r.random()
    if x < 0.04:
        h = h + str(r.randint(1, 3))
    elif x < 0.07:
        h = r.choice(["cust_", "c_", "t_", "src_", "usr_", "tbl_", "x_"]) + h
    elif x < 0.09:
        h = h[:max(2, len(h) // 2)]  # truncated export header
    return h


def apply_noise(r, vals, label, null_tok, null_rate):
    n = len(vals)
    out = list(vals)
    x = r.random()
    if x < 0.06:  # leading/trailing whitespace on some values
        p = r.uniform(0.05, 1.0)
        out = [(" " * r.randint(1, 3) + v if r.random() < 0.5 else v + " " * r.randint(1, 3)) if r.random() < p else v
               for v in out]
    elif x < 0.09 and label in ("email", "city", "country", "state", "person_name", "first_name", "last_name",
                                "company_name", "job_title", "categorical", "username", "gender"):
        out = [v.upper() if r.random() < 0.3 else v.lower() if r.random() < 0.2 else v for v in out]
    if null_rate > 0:
        for i in range(n):
            if r.random() < null_rate:
                out[i] = null_tok if r.random() < 0.93 else r.choice(["", "NULL", "N/A", "-"])
    return out


def sample_rows(r):
    return int(round(math.exp(r.uniform(math.log(5), math.log(5000)))))


def assign_split(r, loc, template):
    if loc in TEST_LOCALES or template in TEST_TEMPLATES:
        return "test"
    x = r.random()
    if x < 0.06:
        return "test"
    if x < 0.17:
        return "val"
    return "train"


def build_table(r, pools, loc, template_cols, n):
    ctx = V.Ctx(r, pools, loc, n)
    kinds = [k for k, p in template_cols if r.random() < p]
    if not kinds:
        kinds = [template_cols[0][0]]
    # a few filler columns at random positions
    for _ in range(r.choice([0, 0, 0, 1, 1, 2, 3])):
        kinds.insert(r.randrange(len(kinds) + 1), r.choice(FILLER))
    # light reordering (swap neighbours)
    for _ in range(r.randint(0, 2)):
        if len(kinds) > 2:
            i = r.randrange(len(kinds) - 1)
            kinds[i], kinds[i + 1] = kinds[i + 1], kinds[i]
    # latitude/longitude come in pairs from one coordinate set
    lang = ctx.lang
    style = r.choice(HEADER_STYLES)
    table_generic = r.random() < 0.06
    generic_p = 1.0 if table_generic else r.choice([0.0, 0.1, 0.2, 0.2, 0.25, 0.3, 0.4])
    null_tok = r.choice(NULL_TOKENS)
    table_nulls = r.random() < 0.6
    headers, columns, labels = [], [], []
    for i, kind in enumerate(kinds):
        label, fn = KINDS[kind]
        vals = fn(ctx, n)
        if r.random() < 0.015:  # now and then a column whose values all are the same prefix-style identifier
            pass
        null_rate = 0.0
        if table_nulls and r.random() < 0.6:
            null_rate = r.choice([0.01, 0.03, 0.05, 0.1, 0.2, 0.3, 0.4]) * r.random() * 1.5
            null_rate = min(null_rate, 0.4)
        vals = apply_noise(r, vals, label, null_tok, null_rate)
        headers.append(make_header(r, kind, lang, style, i, generic_p))
        columns.append(vals)
        labels.append(label)
    return kinds, headers, columns, labels


def write_csv(path, headers, columns):
    n = len(columns[0]) if columns else 0
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        w.writerow(headers)
        for i in range(n):
            w.writerow([c[i] for c in columns])


def main(argv=None):
    if os.environ.get("PYTHONHASHSEED") != "0" and argv is None:
        # some Faker providers draw from sets, whose order follows the string hash seed
        os.execve(sys.executable, [sys.executable] + sys.argv, {**os.environ, "PYTHONHASHSEED": "0"})
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", nargs="?", default="target/corpus")
    ap.add_argument("--tables", type=int, default=6000)
    ap.add_argument("--seed", type=int, default=20240601)
    args = ap.parse_args(argv)
    out = args.out
    os.makedirs(os.path.join(out, "syn"), exist_ok=True)
    pools = V.Pools(args.seed)
    master = random.Random(args.seed)
    entries = []
    t0 = time.time()
    locales = TRAIN_LOCALES + TEST_LOCALES * 2
    for ti in range(args.tables):
        tseed = master.getrandbits(64)
        r = random.Random(tseed)
        loc = r.choice(locales)
        tname, tcols = TEMPLATES[r.randrange(len(TEMPLATES))]
        if tname == "hard_negatives" and r.random() < 0.5:
            tname, tcols = TEMPLATES[r.randrange(len(TEMPLATES))]
        split = assign_split(r, loc, tname)
        n = sample_rows(r)
        kinds, headers, columns, labels = build_table(r, pools, loc, tcols, n)
        fname = f"syn/t{ti:05d}.csv"
        write_csv(os.path.join(out, fname), headers, columns)
        entries.append({"file": fname, "source": f"faker:{loc}/{tname}", "split": split, "columns": labels,
                        "kinds": kinds, "rows": n})
        if (ti + 1) % 250 == 0:
            print(f"  {ti + 1}/{args.tables} tables, {time.time() - t0:.0f}s", file=sys.stderr)
    lpath = os.path.join(out, "labels.json")
    kept = []
    if os.path.exists(lpath):
        with open(lpath, encoding="utf-8") as f:
            kept = [e for e in json.load(f)["tables"] if not e["source"].startswith("faker:")]
    with open(lpath, "w", encoding="utf-8") as f:
        json.dump({"tables": entries + kept}, f, ensure_ascii=False, indent=0)
    cols = sum(len(e["columns"]) for e in entries)
    by = {}
    for e in entries:
        by[e["split"]] = by.get(e["split"], 0) + 1
    print(f"wrote {len(entries)} tables / {cols} columns to {out} in {time.time() - t0:.0f}s; splits {by}", file=sys.stderr)


if __name__ == "__main__":
    main()
