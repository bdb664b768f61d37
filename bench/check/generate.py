#!/usr/bin/env python3
"""Generate a scenario suite shaped like a real team's, for benchmarking `helpcenter check`.

Every scenario tells a small story: a person (named, with their own addresses and phone
numbers) starts from one of several situations (`given`), takes STEPS steps, and the final
state is asserted (`then`). Phone numbers are written the many ways people write them
(`+44 7700 900123`, `07700 900123`, `0044 7700 900123`, `+44 (0)7700 900123`,
`+44-7700-900-123`, `+1 415 555 0100`, `+33 6 12 34 56 78`...), emails with capitals and
`+tag` parts, and the outcomes mix `done`, rejections by most rules, `reauthenticate` and
the observed fields (`banner`, `page`, `prompt`, `message`).

Each `expect` and `then` is known by construction: the generator replays its own steps
through a small model of the policy (../shared/spec/backup-policy.md), so the suite passes
(`helpcenter check` exits 0 with no errors) and the benchmark measures the whole
read-replay-compare path. Deterministic: the same arguments and seed give the same files,
and the multi-file and single-file layouts of a seed hold the same scenarios.

usage: generate.py OUTPUT_DIR [--scenarios 10000] [--steps 5] [--files 2000] [--seed 1]
                              [--single-file]
"""
import argparse
import os
import random
import re
import sys

from people import INVALID_EMAILS, INVALID_PHONES, Person, Phone, describe_format
from policy_model import State, apply

# --------------------------------------------------------------------------------------
# Starting situations

def start(rng, person):
    """One of several starting situations: (State, phrase for the name)."""
    s = State()
    # Writers name the sign-in email when it matters; the model's default is "unknown".
    s.email = person.email if rng.random() < 0.65 else None
    kind = rng.choices(["new-2fa", "phone-backup", "email-backup", "no-2fa", "locked-out", "other-login",
                        "account-phone"], weights=[5, 4, 4, 2, 3, 1, 2])[0]

    def two_factor(methods=("app", "text", "call"), weights=(4.5, 4, 1.5)):
        method = rng.choices(methods, weights=weights[:len(methods)])[0]
        s.two_factor = (method, person.new_phone() if method != "app" else None)

    if kind == "new-2fa":
        two_factor()
        phrase = {"text": "2FA by text", "call": "2FA by call", "app": "an authenticator app"}[s.two_factor[0]]
        phrase = f"with {phrase} and no backup"
    elif kind == "phone-backup":
        two_factor()
        s.backup = ("phone", person.new_phone())
        phrase = "with a backup phone"
    elif kind == "email-backup":
        two_factor()
        s.backup = ("email", person.new_email(()))
        phrase = "with a backup email"
    elif kind == "no-2fa":
        if rng.random() < 0.3:
            s.backup = rng.choice([("phone", person.new_phone()), ("email", person.new_email(()))])
            phrase = "with a backup left over but no 2FA"
        else:
            phrase = "before 2FA"
    elif kind == "locked-out":
        two_factor()
        s.backup = rng.choice([("phone", person.new_phone()), ("email", person.new_email(()))])
        s.device = rng.choice(["lost", "available"])
        s.recovery_key = "lost" if s.device == "available" or rng.random() < 0.6 else "held"
        phrase = {"lost": "without the 2FA phone", "available": "without the recovery key"}[s.device]
        if s.device == "lost" and s.recovery_key == "lost":
            phrase = "locked out"
    elif kind == "other-login":
        s.login = "other"
        if rng.random() < 0.5:
            s.email = None
        if rng.random() < 0.7:
            s.two_factor = ("app", None)
        phrase = rng.choice(["signing in with Google", "signing in through single sign-on",
                             "signing in with Microsoft"])
    else:
        s.phone = person.new_phone()
        two_factor(("app", "text"))
        phrase = "with a phone on the account"
    if rng.random() < 0.2:
        s.session = "stale"
        phrase += ", signed in a while ago"
    return s, kind, phrase


# --------------------------------------------------------------------------------------
# Steps: what people try next, given where they are

def candidate_moves(rng, state, person):
    """(weight, action, argument, note) for the steps that make sense now."""
    moves = [(1.6, "open_account_management", None, None), (1.5, "manage_backup", None, None),
             (1.1, "choose_backup_option", None, None)]
    moves.append((2.5 if state.session == "stale" else 0.15, "reauthenticate", None, None))
    verb = "change_backup" if state.backup else "set_up_backup"
    other = "set_up_backup" if state.backup else "change_backup"
    moves.append((1.1, verb, {"phone": person.new_phone()}, "new-phone"))
    avoid = [state.backup[1]] if state.backup and state.backup[0] == "email" else []
    moves.append((0.9, verb, {"email": person.new_email(avoid)}, "new-email"))
    moves.append((0.35, other, {"email": person.new_email(avoid)}, "wrong-verb"))
    if state.two_factor and state.two_factor[1]:
        moves.append((1.0, verb, {"phone": person.rewrite(state.two_factor[1])}, "2fa-phone"))
    if state.phone:
        moves.append((1.0, verb, {"phone": person.rewrite(state.phone)}, "account-phone"))
    if state.email:
        moves.append((0.8, verb, {"email": person.sign_in_variant()}, "sign-in-email"))
    moves.append((0.35, verb, {"phone": Phone(None, rng.choice(INVALID_PHONES)), "invalid": True}, "invalid-phone"))
    moves.append((0.3, verb, {"email": rng.choice(INVALID_EMAILS).format(local=person.local), "invalid": True},
                  "invalid-email"))
    moves.append((0.2, verb, {"phone": person.new_phone(), "email": person.new_email(avoid)}, "both"))
    if state.backup and state.backup[0] == "phone":
        moves.append((0.4, "change_backup", {"phone": person.rewrite(state.backup[1])}, "same-again"))
    if not state.two_factor:
        moves.append((1.2, "set_up_2fa", {"method": "app"}, None))
        moves.append((1.0, "set_up_2fa", {"method": rng.choice(["text", "call"]), "phone": person.new_phone()}, None))
        if state.backup and state.backup[0] == "phone":
            moves.append((1.2, "set_up_2fa", {"method": rng.choice(["text", "call"]),
                                              "phone": person.rewrite(state.backup[1])}, "backup-phone"))
    else:
        if state.device == "available":
            moves.append((0.6, "lose_device", None, None))
        if state.recovery_key == "held":
            moves.append((0.7, "lose_recovery_key", None, None))
    moves.append((0.9, "recover", "new-recovery-key", None))
    moves.append((0.9, "recover", "remove-2fa-device", None))
    return moves


def pick_move(rng, state, person, previous):
    moves = candidate_moves(rng, state, person)
    # Backup steps carry an argument and make up about a third of all steps, as in the
    # project's own scenarios; the rest open pages, reauthenticate, lose things, recover.
    weights = [w * (0.2 if (a, n) == previous else 1.0) * (0.55 if a.endswith("_backup") and n else 1.0)
               for w, a, _, n in moves]
    _, action, argument, note = rng.choices(moves, weights=weights)[0]
    return action, argument, note


# --------------------------------------------------------------------------------------
# Names: a sentence about the person, their situation and the step that matters most

def headline(action, argument, note, result, state_before, rng):
    """A clause saying what the step shows, or None when it shows nothing worth naming."""
    rule, detail = result.rule, result.detail
    contact = argument if isinstance(argument, dict) else {}
    fmt = describe_format(argument["phone"].written) if isinstance(argument, dict) and argument.get("phone") \
        and not argument.get("invalid") else None
    if result.outcome == "reauthenticate":
        return rng.choice(["signs in again before changing anything", "is asked to sign in again first",
                           "has to reauthenticate before the backup method can change"])
    if result.outcome == "rejected":
        if rule == "distinct-from-account":
            if detail == "2fa-phone":
                verb = "texts" if state_before.two_factor[0] == "text" else "calls"
                return f"can't use the number 2FA {verb} as the backup, even written {fmt}"
            if detail == "account-phone":
                return f"can't use the account's own phone as the backup, even written {fmt}"
            if detail == "backup-phone":
                return f"can't have 2FA {argument['method']} the backup phone written {fmt}"
            return "can't use the sign-in address as the backup, capitals and +tag or not"
        return {
            "sage-account-only": "can't manage a backup method at all",
            "two-factor-required": "has no backup method to use without 2FA",
            "set-up-once": "changes the backup method rather than setting up a second one"
            if action == "set_up_backup" else "can't change a backup method that isn't there",
            "one-method": "can't give a phone number and an email at once",
            "valid-contact": f"is stopped by a mistyped backup {'phone number' if 'phone' in contact else 'email'}",
            "backup-required": "can't recover through a backup method that was never set up",
            "recovery-key-first": "recovers with the recovery key while it is still held",
            "device-lost-to-remove": "can't remove a 2FA device that still works",
        }[rule]
    if action in ("set_up_backup", "change_backup"):
        if note == "same-again":
            return f"changes the backup phone to the same number written {fmt}"
        kind = f"a backup phone written {fmt}" if "phone" in argument else "a backup email"
        return f"{'sets up' if action == 'set_up_backup' else 'switches to'} {kind}"
    if action == "set_up_2fa":
        return "is prompted for a backup method after setting up 2FA" if result.fields["prompt"] != "none" \
            else "gets no backup prompt when setting up 2FA"
    if action == "recover":
        return "removes the lost 2FA device through the backup method" if argument == "remove-2fa-device" \
            else "gets a new recovery key through the backup method"
    if action == "open_account_management" and result.fields["banner"] == "shown":
        return "sees the 'Backup method not set up' banner"
    if action == "choose_backup_option" and result.fields["message"] == "code-sent":
        return "gets a code sent to the backup method"
    return None


# --------------------------------------------------------------------------------------
# YAML writing

PLAIN_UNSAFE = re.compile(r"^[-?:,\[\]{}#&*!|>'\"%@`]|: | #|:$|^\s|\s$")


def scalar(text, rng, flow=False):
    """A YAML scalar as people write them: mostly double-quoted, sometimes single or plain."""
    unsafe = PLAIN_UNSAFE.search(text) or (flow and re.search(r"[,\[\]{}]", text))
    roll = rng.random()
    if roll < 0.15 and "'" not in text:
        return f"'{text}'"
    if roll < 0.35 and not unsafe:
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def name_scalar(text):
    if PLAIN_UNSAFE.search(text):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


def render_contact(contact, rng):
    parts = []
    if "phone" in contact:
        parts.append(f"phone: {scalar(contact['phone'].written, rng, flow=True)}")
    if "email" in contact:
        email = contact["email"]
        plain_ok = not (PLAIN_UNSAFE.search(email) or " " in email)
        parts.append(f"email: {email if plain_ok and rng.random() >= 0.2 else scalar(email, rng, flow=True)}")
    return "{" + ", ".join(parts) + "}"


def render_two_factor(two_factor, rng, phone=None):
    method, number = two_factor
    if number is None:
        return "{method: app}"
    return f"{{method: {method}, phone: {scalar((phone or number).written, rng, flow=True)}}}"


def render_expect(action, result, rng):
    """The `expect` a writer would put: the outcome, a field, or both; in flow or block style."""
    if result.outcome == "reauthenticate":
        return "reauthenticate" if rng.random() < 0.9 else {"outcome": "reauthenticate"}
    if result.outcome == "rejected":
        roll = rng.random()
        if roll < 0.93:
            return {"rejected": result.rule}
        if roll < 0.98:
            return {"outcome": "rejected", "rule": result.rule}
        return "rejected"
    if not result.fields:
        return "done" if rng.random() < 0.9 else {"outcome": "done"}
    (field, value), = result.fields.items()
    roll = rng.random()
    if roll < 0.8:
        return {field: value}
    if roll < 0.9:
        return {"outcome": "done", field: value}
    return "done"


def expect_lines(expect, rng):
    if isinstance(expect, str):
        return [f"        expect: {expect}"]
    if len(expect) > 1 and rng.random() < 0.15:
        return ["        expect:"] + [f"          {k}: {v}" for k, v in expect.items()]
    return ["        expect: {" + ", ".join(f"{k}: {v}" for k, v in expect.items()) + "}"]


def step_lines(action, argument, note, rng):
    if argument is None:
        return [f"      - {action}:"]
    if isinstance(argument, str):
        return [f"      - {action}: {argument}"]
    if action == "set_up_2fa":
        return [f"      - {action}: {render_two_factor((argument['method'], argument.get('phone')), rng)}"]
    if rng.random() < 0.1 and not argument.get("invalid"):
        lines = [f"      - {action}:"]
        if "phone" in argument:
            lines.append(f"          phone: {scalar(argument['phone'].written, rng)}")
        if "email" in argument:
            lines.append(f"          email: {argument['email']}")
        return lines
    line = f"      - {action}: {render_contact(argument, rng)}"
    if note in ("2fa-phone", "account-phone", "backup-phone", "same-again") and rng.random() < 0.25:
        line += "   # the same number, written differently"
    elif note == "sign-in-email" and rng.random() < 0.25:
        line += "   # reaches the sign-in inbox"
    elif note and note.startswith("invalid") and rng.random() < 0.3:
        line += "   # typo from the support ticket"
    return [line]


STEP_COMMENTS = ["# as reported in support", "# the user retries straight away", "# next day",
                 "# from the mobile app", "# after the password reset"]


def given_lines(state, person, rng):
    lines = ["    given:"]
    if state.login == "other" or rng.random() < 0.1:
        lines.append(f"      login: {state.login}")
    if state.email:
        lines.append(f"      email: {state.email}")
    if state.phone:
        lines.append(f"      phone: {scalar(state.phone.written, rng)}")
    if state.two_factor:
        lines.append(f"      two_factor: {render_two_factor(state.two_factor, rng)}")
    elif rng.random() < 0.15:
        lines.append("      two_factor: none")
    if state.two_factor and (state.device != "available" or rng.random() < 0.05):
        lines.append(f"      device: {state.device}")
    if state.two_factor and (state.recovery_key != "held" or rng.random() < 0.05):
        lines.append(f"      recovery_key: {state.recovery_key}")
    if state.backup:
        kind, value = state.backup
        lines.append(f"      backup: {render_contact({kind: value}, rng)}")
    if state.session == "stale" or rng.random() < 0.05:
        lines.append(f"      session: {state.session}")
    return lines


def then_lines(state, person, rng, changed):
    """The final state: what changed, and now and then something that didn't."""
    fields = []

    def asserted(field, otherwise):
        """A changed field is usually asserted; an unchanged one now and then."""
        return rng.random() < (0.75 if field in changed else otherwise)

    if asserted("backup", 0.2):
        if state.backup is None:
            fields.append("backup: none")
        elif state.backup[0] == "phone":
            # Written however the writer likes: the checker compares normalised numbers.
            phone = person.rewrite(state.backup[1]) if rng.random() < 0.5 else state.backup[1]
            fields.append(f"backup: {render_contact({'phone': phone}, rng)}")
        else:
            fields.append(f"backup: {render_contact({'email': state.backup[1]}, rng)}")
    if asserted("two_factor", 0.08):
        if state.two_factor:
            number = state.two_factor[1]
            rewritten = person.rewrite(number) if number and rng.random() < 0.5 else None
            fields.append(f"two_factor: {render_two_factor(state.two_factor, rng, rewritten)}")
        else:
            fields.append("two_factor: none")
    if asserted("session", 0.08):
        fields.append(f"session: {state.session}")
    if state.two_factor and asserted("recovery_key", 0.08):
        fields.append(f"recovery_key: {state.recovery_key}")
    if state.two_factor and asserted("device", 0.04):
        fields.append(f"device: {state.device}")
    if rng.random() < 0.25 or not fields:
        fields.append(f"banner: {state.banner()}")
    return ["    then:"] + [f"      {f}" for f in fields]


def snapshot(state):
    return {"backup": state.backup and (state.backup[0], getattr(state.backup[1], "e164", state.backup[1])),
            "two_factor": state.two_factor and (state.two_factor[0], getattr(state.two_factor[1], "e164", None)),
            "session": state.session, "recovery_key": state.recovery_key, "device": state.device}


# --------------------------------------------------------------------------------------
# A scenario

def scenario(rng, steps, names):
    person = Person(rng)
    state, kind, situation = start(rng, person)
    given = given_lines(state, person, rng)
    before = snapshot(state)
    body, deciding, headlines, previous, expects = [], [], [], None, 0
    for index in range(steps):
        action, argument, note = pick_move(rng, state, person, previous)
        previous = (action, note)
        state_before = State()
        state_before.__dict__.update(state.__dict__)
        result = apply(state, action, argument)
        if index and rng.random() < 0.04:
            body.append("      " + rng.choice(STEP_COMMENTS))
        body += step_lines(action, argument, note, rng)
        if not (action in ("lose_device", "lose_recovery_key") and rng.random() < 0.5):
            body += expect_lines(render_expect(action, result, rng), rng)
            expects += 1
        if result.rule and result.rule not in deciding:
            deciding.append(result.rule)
        if "prompt" in result.fields and result.fields["prompt"] != "none":
            deciding.append("prompt-at-2fa-setup")
        if result.fields.get("banner") == "shown" and "banner-while-missing" not in deciding:
            deciding.append("banner-while-missing")
        clause = headline(action, argument, note, result, state_before, rng)
        if clause:
            headlines.append(clause)
    after = snapshot(state)
    changed = {k for k in after if after[k] != before[k]}

    clause = headlines[0] if headlines else rng.choice(["looks around Account Management",
                                                        "checks the backup method settings"])
    name = f"{person.full}, {situation}, {clause}" if rng.random() < 0.12 else f"{person.full} {clause}"
    if len(headlines) > 1 and rng.random() < 0.08:
        name += f", then {headlines[-1]}"
    while name in names:
        name = f"{name} (ticket HC-{rng.randrange(1000, 99999)})"
    names.add(name)

    lines = []
    if rng.random() < 0.08:
        lines.append(f"  # Reported in HC-{rng.randrange(1000, 99999)}; keep this scenario when the wording changes.")
    lines.append(f"  - name: {name_scalar(name)}")
    if deciding and rng.random() < 0.4:
        lines.append(f"    rules: [{', '.join(deciding[:2])}]")
    if rng.random() < 0.5:
        text = "".join(body)
        topic = "phone" if "phone:" in text else "email" if "email:" in text else None
        extra = rng.choice(["smoke", "regression", "support"]) if rng.random() < 0.15 else None
        tags = [t for t in (kind, topic, "rejected" if "rejected" in text else "allowed", extra) if t][:3]
        lines.append(f"    tags: [{', '.join(tags)}]")
    lines += given
    lines.append("    when:")
    lines += body
    if rng.random() < 0.7 or not expects:  # a scenario that checks nothing is a warning
        lines += then_lines(state, person, rng, changed)
    return name, kind, "\n".join(lines) + "\n"


AREAS = {"new-2fa": "setting-up", "phone-backup": "changing", "email-backup": "changing", "no-2fa": "two-factor",
         "locked-out": "recovery", "other-login": "who-can-have-one", "account-phone": "distinct-from-account"}
HEADERS = {
    "setting-up": "Setting up a backup method after 2FA: what people type and what the product says.",
    "changing": "Changing an existing backup method: set up once, then change; phones and emails.",
    "two-factor": "2FA and the backup method: prompts, and 2FA that can't use the backup phone.",
    "recovery": "Getting back in through the backup method: lost phones and lost recovery keys.",
    "who-can-have-one": "Sign-ins that aren't Sage account logins have no backup method.",
    "distinct-from-account": "The backup must differ from the account's own phone, 2FA phone and email.",
}


def slug(text, limit=40):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:limit].rstrip("-")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output")
    parser.add_argument("--scenarios", type=int, default=10000)
    parser.add_argument("--steps", type=int, default=5)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--single-file", action="store_true", help="write every scenario to one file")
    args = parser.parse_args()
    if args.scenarios < 1 or args.steps < 1 or args.files < 1:
        parser.error("--scenarios, --steps and --files must be at least 1")

    rng = random.Random(args.seed)
    names = set()
    suite = [scenario(rng, args.steps, names) for _ in range(args.scenarios)]

    os.makedirs(args.output, exist_ok=True)
    written = 0
    if args.single_file:
        path = os.path.join(args.output, "scenarios.yaml")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(f"# Generated by bench/check/generate.py --seed {args.seed}; do not edit.\n"
                         "# Every scenario of the suite in one file.\nscenarios:\n")
            handle.write("\n".join(text for _, _, text in suite))
        written, size = 1, os.path.getsize(path)
        if size > 8388608:
            print(f"warning: {path} is {size} bytes; the checker refuses files over 8388608", file=sys.stderr)
    else:
        per_file = -(-args.scenarios // args.files)
        for index in range(args.files):
            chunk = suite[index * per_file:(index + 1) * per_file]
            if not chunk:
                break
            area = AREAS[chunk[0][1]]
            folder = os.path.join(args.output, area)
            os.makedirs(folder, exist_ok=True)
            path = os.path.join(folder, f"{index:04d}-{slug(chunk[0][0].split(', ', 2)[-1])}.yaml")
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(f"# {HEADERS[area]}\n# bench/check/generate.py --seed {args.seed}\nscenarios:\n")
                handle.write("\n".join(text for _, _, text in chunk))
            written += 1
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(args.output) for f in fs)
    print(f"{args.scenarios} scenarios of {args.steps} steps in {written} file{'s' if written != 1 else ''} under {args.output} "
          f"({size / 1e6:.1f} MB, seed {args.seed})")


if __name__ == "__main__":
    main()
