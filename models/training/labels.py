"""The 38 output labels of the DataCloak model, in model output order, and their sensitivity."""
import json
import os

LABELS = [
    "email", "phone_number", "person_name", "first_name", "last_name", "street_address",
    "date_of_birth", "ssn", "national_id", "passport_number", "credit_card_number", "iban",
    "ip_address", "username", "password_hash", "api_key", "mac_address", "postal_code", "city",
    "state", "latitude", "longitude", "gender", "age", "url", "uuid", "free_text", "country",
    "company_name", "job_title", "date", "datetime", "time", "currency_amount", "numeric",
    "identifier", "boolean", "categorical",
]
LABEL_INDEX = {l: i for i, l in enumerate(LABELS)}

_HERE = os.path.dirname(os.path.abspath(__file__))
TAXONOMY_PATH = os.path.join(_HERE, "..", "..", "src", "taxonomy.json")


def sensitivity():
    """label -> "high" | "medium" | "low", read from src/taxonomy.json (the project's copy of the
    taxonomy; the pipeline stops if it cannot be read)."""
    with open(TAXONOMY_PATH, encoding="utf-8") as f:
        tax = json.load(f)
    sens = {e["name"]: e["sensitivity"] for e in tax["labels"]}
    missing = [l for l in LABELS if l not in sens]
    if missing:
        raise SystemExit(f"taxonomy.json lacks labels {missing}")
    return {l: sens[l] for l in LABELS}
