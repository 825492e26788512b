#!/usr/bin/env python3
"""Writes the bundled sample tables in tests/data/samples/ (deterministic, Python stdlib only).

The values are invented here from small hand-written lists; check digits (cards, IBANs, SSNs)
are computed so the tables look like real exports. Run: python3 tests/data/make_samples.py
"""
import csv
import os
import random
import string

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "samples")
rng = random.Random(20261121)

FIRST = ["Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "James", "Isabella", "Lucas",
         "Mia", "Mason", "Amelia", "Ethan", "Harper", "Logan", "Evelyn", "Jacob", "Abigail", "Daniel",
         "Hannah", "Matthew", "Grace", "Samuel", "Chloe", "David", "Nora", "Joseph", "Zoe", "Henry"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
        "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore",
        "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker"]
CITIES = [("Springfield", "IL", "62701"), ("Portland", "OR", "97205"), ("Austin", "TX", "78701"),
          ("Denver", "CO", "80202"), ("Madison", "WI", "53703"), ("Columbus", "OH", "43215"),
          ("Raleigh", "NC", "27601"), ("Boise", "ID", "83702"), ("Tucson", "AZ", "85701"),
          ("Albany", "NY", "12207"), ("Richmond", "VA", "23219"), ("Omaha", "NE", "68102")]
STREETS = ["Main St", "Oak Avenue", "Maple Dr", "Cedar Lane", "Pine Street", "Elm Road", "Washington Blvd",
           "Lake View Ct", "Hillcrest Way", "Park Place"]
DE_CITIES = ["Berlin", "München", "Hamburg", "Köln", "Frankfurt am Main", "Stuttgart", "Düsseldorf", "Leipzig"]
PRODUCTS = [("Desk Lamp", "Lighting"), ("Office Chair", "Furniture"), ("USB-C Cable", "Electronics"),
            ("Notebook A5", "Stationery"), ("Water Bottle", "Kitchen"), ("Monitor Arm", "Furniture"),
            ("Wireless Mouse", "Electronics"), ("Sticky Notes", "Stationery"), ("Kettle", "Kitchen")]


def luhn_complete(prefix, length):
    digits = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return digits + str((10 - total % 10) % 10)


def iban_de():
    bban = "".join(rng.choice(string.digits) for _ in range(18))
    num = int("".join(str(int(c, 36)) for c in bban + "DE00"))
    return f"DE{98 - num % 97:02d}{bban}"


def ssn():
    while True:
        a, g, s = rng.randint(1, 899), rng.randint(1, 99), rng.randint(1, 9999)
        if a != 666:
            return f"{a:03d}-{g:02d}-{s:04d}"


def date(y0, y1, fmt="{y:04d}-{m:02d}-{d:02d}"):
    y, m, d = rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28)
    return fmt.format(y=y, m=m, d=d)


def write(name, header, rows, delimiter=","):
    with open(os.path.join(OUT, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=delimiter, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def customers(n=60):
    rows = []
    for i in range(n):
        fn, ln = rng.choice(FIRST), rng.choice(LAST)
        city, st, zipc = rng.choice(CITIES)
        card = luhn_complete(rng.choice(["4", "51", "37"]), 15 if False else 16)
        rows.append([
            10001 + i, fn, ln, f"{fn.lower()}.{ln.lower()}{rng.randint(1, 99)}@example.{rng.choice(['com', 'org', 'net'])}",
            rng.choice(["(555) {0:03d}-{1:04d}", "555-{0:03d}-{1:04d}", "+1 555 {0:03d} {1:04d}"]).format(rng.randint(100, 999), rng.randint(0, 9999)),
            date(1950, 2004), f"{rng.randint(1, 9999)} {rng.choice(STREETS)}", city, st, zipc,
            "United States", date(2019, 2025), " ".join(card[k:k + 4] for k in range(0, 16, 4)) if rng.random() < 0.5 else card,
            rng.choice(["true", "false"]),
        ])
    write("customers.csv", ["customer_id", "first_name", "last_name", "email", "phone", "date_of_birth",
                            "street", "city", "state", "zip", "country", "signup_date", "card_number", "is_active"], rows)


def zahlungen(n=50):
    rows = []
    for i in range(n):
        rows.append([
            f"K-{rng.randint(100000, 999999)}", f"{rng.choice(FIRST)} {rng.choice(LAST)}", iban_de(),
            f"{rng.randint(5, 4999)},{rng.randint(0, 99):02d}", date(2023, 2025, "{d:02d}.{m:02d}.{y:04d}"),
            f"+49 {rng.randint(150, 179)} {rng.randint(1000000, 9999999)}", rng.choice(DE_CITIES),
        ])
    write("zahlungen.csv", ["Kundennummer", "Name", "IBAN", "Betrag", "Datum", "Telefonnummer", "Stadt"], rows, ";")


def weblog(n=80):
    users = [f"{rng.choice(FIRST).lower()}{rng.choice(['_', '.', ''])}{rng.choice(LAST).lower()}{rng.randint(1, 99)}" for _ in range(15)]
    rows = []
    for _ in range(n):
        ip = f"{rng.randint(11, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
        uid = "".join(rng.choice("0123456789abcdef") for _ in range(32))
        uid = f"{uid[:8]}-{uid[8:12]}-4{uid[13:16]}-a{uid[17:20]}-{uid[20:]}"
        key = "AKIA" + "".join(rng.choice(string.ascii_uppercase + "234567") for _ in range(16))
        rows.append([
            f"{date(2025, 2025)}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z", ip,
            rng.choice(users), uid, rng.choice(["GET", "POST", "PUT"]),
            f"https://shop.example.com/{rng.choice(['cart', 'item', 'search', 'account'])}/{rng.randint(1, 500)}",
            rng.choice([200, 200, 200, 301, 404, 500]), rng.randint(200, 90000), key,
        ])
    write("weblog.csv", ["timestamp", "client_ip", "username", "session_id", "method", "url", "status", "bytes", "access_key"], rows)


def products(n=40):
    rows = []
    for i in range(n):
        name, cat = rng.choice(PRODUCTS)
        rows.append([
            f"SKU-{rng.randint(10000, 99999)}", name, cat, f"{rng.randint(1, 300)}.{rng.randint(0, 99):02d}",
            rng.randint(0, 500), f"{rng.uniform(0.05, 12):.2f}", rng.choice(["Y", "N"]),
            "#" + "".join(rng.choice("0123456789ABCDEF") for _ in range(6)), f"{rng.randint(1, 3)}.{rng.randint(0, 9)}.{rng.randint(0, 20)}",
            # SSN-shaped, but area 9xx fails the SSA rules: an order reference, not an SSN.
            f"9{rng.randint(0, 9)}{rng.randint(0, 9)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}",
        ])
    write("products.csv", ["sku", "product_name", "category", "unit_price", "stock_qty", "weight_kg", "in_stock",
                           "colour", "firmware_version", "order_ref"], rows)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    customers()
    zahlungen()
    weblog()
    products()
