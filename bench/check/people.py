"""The people of a generated suite: names, phone numbers written the ways people write them,
and email addresses (bench/check/generate.py)."""

FIRST = """Priya Tom Amara Jonas Mei Oliver Fatima Lukas Chloe Diego Aisha Niamh Kwame Sofia
Rhys Hannah Mateo Ingrid Yusuf Elena Callum Zara Tariq Freya Kenji Isla Omar Leah Bram Ana
Dylan Noor Samir Esme Arjun Maeve Felix Layla Ravi Grace Emeka Lena Hamish Rosa Idris Clara
Nikhil Erin Joao Imogen Dev Saoirse Marek Ruby Ali Beatriz Ewan Farah Kofi Alice""".split()
LAST = """Shah Okafor Nguyen Murphy Schmidt Rossi Evans Kowalski Haddad Silva Patel O'Brien
Jensen Dubois Khan Walsh Moreau Becker Novak Costa Mensah Fischer Ahmed Lindqvist Tanaka
Byrne Garcia Hughes Ivanova Baptiste Clarke Adeyemi Larsen Romano Singh Kelly Bauer Osei
Fraser Mahmoud Lopez Whitfield Petrov Ferreira Campbell Sato Doyle Oyelaran Weber Bianchi
Hassan McLeod Kim Laurent Reid Andersen Chowdhury Morgan Vidal""".split()
DOMAINS = ["example.com", "example.org", "example.net", "example.co.uk"]


class Phone:
    """A phone number: its E.164 form (what the policy compares) and how it is written."""

    def __init__(self, e164, written):
        self.e164, self.written = e164, written


def uk_mobile(rng):
    return "44", "7700" + f"{rng.randrange(900000, 901000):06d}"


def london(rng):
    return "44", "2079460" + f"{rng.randrange(0, 1000):03d}"


def us(rng):
    return "1", rng.choice(["415", "212", "646", "312"]) + "555" + f"{rng.randrange(100, 200):04d}"


def france(rng):
    return "33", rng.choice("67") + "".join(str(rng.randrange(10)) for _ in range(8))


def germany(rng):
    return "49", rng.choice(["151", "160", "170"]) + "".join(str(rng.randrange(10)) for _ in range(8))


def ireland(rng):
    return "353", rng.choice(["83", "85", "86", "87"]) + "".join(str(rng.randrange(10)) for _ in range(7))


def australia(rng):
    return "61", "4" + "".join(str(rng.randrange(10)) for _ in range(8))


# Weighted: most numbers are UK mobiles, as in a UK product's tickets.
NUMBER_KINDS = [uk_mobile] * 10 + [london] * 2 + [us] * 2 + [france] * 2 + [germany, ireland, australia]


def ways_to_write(cc, nsn):
    """Ways people write one number; every one normalises to +{cc}{nsn} (policy step 1-3)."""
    if cc == "44" and nsn.startswith("7"):
        a, b = nsn[:4], nsn[4:]
        return [f"+44 {a} {b}", f"0{a} {b}", f"0044 {a} {b}", f"+44 (0){a} {b}",
                f"+44-{a}-{b[:3]}-{b[3:]}", f"+44.{a}.{b}", f"+44{nsn}", f"0{nsn}",
                f"0{a}-{b[:3]}-{b[3:]}", f"0044 (0){a} {b}", f"0{a} {b[:3]} {b[3:]}"]
    if cc == "44":  # London: 20 7946 0xxx
        a, b, c = nsn[:2], nsn[2:6], nsn[6:]
        return [f"+44 {a} {b} {c}", f"0{a} {b} {c}", f"+44 (0){a} {b} {c}", f"0{a}-{b}-{c}",
                f"0044 {a} {b} {c}", f"+44{nsn}"]
    if cc == "1":
        a, b, c = nsn[:3], nsn[3:6], nsn[6:]
        return [f"+1 {a} {b} {c}", f"+1 ({a}) {b}-{c}", f"001 {a} {b} {c}", f"+1-{a}-{b}-{c}",
                f"+1.{a}.{b}.{c}", f"+1{nsn}"]
    if cc == "33":
        p = [nsn[0]] + [nsn[i:i + 2] for i in range(1, 9, 2)]
        return [f"+33 {' '.join(p)}", f"+33 (0){' '.join(p)}", f"0033 {' '.join(p)}",
                f"+33 {nsn[:3]} {nsn[3:6]} {nsn[6:]}", f"+33{nsn}"]
    if cc == "49":
        return [f"+49 {nsn[:3]} {nsn[3:]}", f"+49 (0){nsn[:3]} {nsn[3:]}",
                f"0049 {nsn[:3]} {nsn[3:7]} {nsn[7:]}", f"+49-{nsn[:3]}-{nsn[3:]}"]
    if cc == "353":
        return [f"+353 {nsn[:2]} {nsn[2:5]} {nsn[5:]}", f"+353 (0){nsn[:2]} {nsn[2:5]} {nsn[5:]}",
                f"00353 {nsn[:2]} {nsn[2:5]} {nsn[5:]}", f"+353{nsn}"]
    # Australia
    return [f"+61 {nsn[0]} {nsn[1:5]} {nsn[5:]}", f"+61 {nsn[:3]} {nsn[3:6]} {nsn[6:]}",
            f"0061 {nsn[0]} {nsn[1:5]} {nsn[5:]}", f"+61{nsn}"]


def describe_format(written):
    """How a name talks about the way a number is written."""
    if "(0)" in written:
        return "with a (0)"
    if written.startswith("00"):
        return "with a 00 prefix"
    if written.startswith("0"):
        return "in national format"
    if "-" in written:
        return "with hyphens"
    if "." in written:
        return "with dots"
    if " " not in written:
        return "without spaces"
    return "in international format"


# Typed wrong: none normalises to a valid E.164 number (policy step 4).
INVALID_PHONES = ["7700 900456", "+44 7700", "07700 9OO123", "+0 7700 900123", "+44 7700 900123 999 999",
                  "0044 (0)7700", "ext. 4421", "+44 770"]


class Person:
    def __init__(self, rng):
        self.first, self.last = rng.choice(FIRST), rng.choice(LAST)
        self.full = f"{self.first} {self.last}"
        first, last = self.first.lower(), self.last.lower().replace("'", "")
        local = rng.choice([f"{first}.{last}", f"{first[0]}.{last}", f"{first}{last[0]}", f"{first}_{last}"])
        self.local, self.domain = local, rng.choice(DOMAINS)
        self.email = f"{local}@{self.domain}"
        self.rng = rng
        self.used_phones = set()
        self.backups = [f"{first}.{last}.home@{d}" for d in ("example.net", "example.org")] + \
                       [f"{first}{rng.randrange(10, 99)}@example.org", f"{last}.{first}@example.net",
                        f"{first}.backup@example.org", f"{first[0]}{last}+recovery@example.org"]

    def new_phone(self):
        """A number this person has not used yet, written one way or another."""
        while True:
            cc, nsn = self.rng.choice(NUMBER_KINDS)(self.rng)
            e164 = f"+{cc}{nsn}"
            if e164 not in self.used_phones:
                self.used_phones.add(e164)
                return Phone(e164, self.rng.choice(ways_to_write(cc, nsn)))

    def rewrite(self, phone):
        """The same number written another way (when there is another way)."""
        cc = next(c for c in ("353", "44", "49", "33", "61", "1") if phone.e164.startswith("+" + c))
        options = [w for w in ways_to_write(cc, phone.e164[1 + len(cc):]) if w != phone.written]
        return Phone(phone.e164, self.rng.choice(options or [phone.written]))

    def sign_in_variant(self):
        """The sign-in address written so that it reaches the same inbox."""
        local, domain = self.local, self.domain
        return self.rng.choice([
            f"{local.capitalize()}@{domain.capitalize()}", f"{local.upper()}@{domain.upper()}",
            f"{local}+2fa@{domain}", f"{local}+backup@{domain}", f"{local.title()}+HR@{domain}",
            f"{local}@{domain.upper()}"])

    def new_email(self, avoid):
        options = [e for e in self.backups if e not in avoid]
        return self.rng.choice(options or self.backups)


def email_key(address):
    """The policy's email comparison: lower-cased, `+tag` dropped."""
    local, _, domain = address.strip().lower().partition("@")
    return local.split("+", 1)[0] + "@" + domain


INVALID_EMAILS = ["{local}@localhost", "{local}@@example.org", "{local}@example..org", "@example.org",
                  "{local}.example.org", "{local} backup@example.org"]

