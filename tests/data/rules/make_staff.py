"""Writes staff.csv, the table of the rules examples (README, docs/rules.md, tests/rules.rs).

Every value is made up here: employee numbers, customer codes with their check letter, Belgian
national register numbers with their mod-97 key, order references shaped like US SSNs, case
numbers, and Luhn-valid test card numbers. Run: python3 tests/data/rules/make_staff.py
"""
import random

rng = random.Random(20261202)
CHECK = "ABCDEFGHJKLMNPQRSTUVWXYZ"
FIRST = ["Ann", "Bo", "Cy", "Dana", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jo", "Kai", "Lea"]
LAST = ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens"]


def luhn_digit(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d = d - 9 if d > 9 else d
        total += d
    return str((10 - total % 10) % 10)


def be_number():
    yy, mm, dd = rng.randint(40, 99), rng.randint(1, 12), rng.randint(1, 28)
    seq = rng.randint(1, 997)
    body = int(f"{yy:02d}{mm:02d}{dd:02d}{seq:03d}")
    key = 97 - body % 97
    s = f"{body:09d}{key:02d}"
    return f"{s[0:2]}.{s[2:4]}.{s[4:6]}-{s[6:9]}.{s[9:11]}"


rows = []
for i in range(60):
    emp = f"EMP-{rng.randint(0, 999999):06d}"
    digits = f"{rng.randint(0, 99999):05d}"
    customer = f"K{digits}{CHECK[int(digits) % len(CHECK)]}"
    order = f"{rng.randint(100, 899):03d}-{rng.randint(10, 99):02d}-{rng.randint(1000, 9999):04d}"
    case = f"{rng.randint(100, 899):03d}-{rng.randint(10, 99):02d}-{rng.randint(1000, 9999):04d}"
    body = "4" + "".join(str(rng.randint(0, 9)) for _ in range(14))
    card = body + luhn_digit(body)
    card = " ".join(card[k:k + 4] for k in range(0, 16, 4))
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    rows.append([emp, name, customer, be_number(), order, case, card, str(rng.randint(1, 40))])

with open(__file__.replace("make_staff.py", "staff.csv"), "w", newline="") as f:
    f.write("emp_no,full_name,customer,rijksregisternummer,order_ref,case_no,card,team\n")
    for r in rows:
        f.write(",".join(r) + "\n")
