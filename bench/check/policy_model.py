"""A model of the backup-method policy (../shared/spec/backup-policy.md), small enough to
read against the spec: the account state, and each action's result (outcome, deciding rule,
observed field). bench/check/generate.py replays its steps through it, so that every
`expect` and `then` it writes is what the policy gives."""
from people import email_key


class State:
    def __init__(self):
        self.login = "sage-account"
        self.email = None         # the sign-in email as written
        self.phone = None         # a Phone on the Sage account
        self.two_factor = None    # None, ("app", None), ("text"|"call", Phone)
        self.device = "available"
        self.recovery_key = "held"
        self.backup = None        # None, ("phone", Phone), ("email", text)
        self.session = "fresh"

    def banner(self):
        return "shown" if self.login == "sage-account" and self.two_factor and not self.backup else "hidden"


class Result:
    def __init__(self, outcome, rule=None, fields=None, detail=None):
        self.outcome, self.rule, self.fields, self.detail = outcome, rule, fields or {}, detail


def backup_checks(state, action, contact):
    """`set_up_backup` and `change_backup`: the rules in precedence order."""
    if state.login != "sage-account":
        return Result("rejected", "sage-account-only")
    if not state.two_factor:
        return Result("rejected", "two-factor-required")
    if state.session == "stale":
        return Result("reauthenticate", "reauthentication")
    if (action == "set_up_backup") == (state.backup is not None):
        return Result("rejected", "set-up-once")
    if "phone" in contact and "email" in contact:
        return Result("rejected", "one-method")
    if contact.get("invalid"):
        return Result("rejected", "valid-contact")
    if "phone" in contact:
        e164 = contact["phone"].e164
        if state.two_factor[1] and state.two_factor[1].e164 == e164:
            return Result("rejected", "distinct-from-account", detail="2fa-phone")
        if state.phone and state.phone.e164 == e164:
            return Result("rejected", "distinct-from-account", detail="account-phone")
    elif state.email and email_key(contact["email"]) == email_key(state.email):
        return Result("rejected", "distinct-from-account", detail="sign-in-email")
    return None


def apply(state, action, argument):
    """Replays one step on `state` and returns its result (the policy's, by the spec)."""
    sage, two_factor = state.login == "sage-account", state.two_factor
    if action in ("set_up_backup", "change_backup"):
        result = backup_checks(state, action, argument)
        if result:
            return result
        state.backup = ("phone", argument["phone"]) if "phone" in argument else ("email", argument["email"])
        return Result("done")
    if action == "set_up_2fa":
        assert not two_factor, "setting up 2FA twice is a scenario error"
        phone = argument.get("phone")
        if phone and state.backup and state.backup[0] == "phone" and state.backup[1].e164 == phone.e164:
            return Result("rejected", "distinct-from-account", detail="backup-phone")
        state.two_factor = (argument["method"], phone)
        state.device, state.recovery_key = "available", "held"
        return Result("done", fields={"prompt": "none" if state.backup else "set-up-backup-method"})
    if action == "manage_backup":
        if not sage:
            return Result("rejected", "sage-account-only")
        if not two_factor:
            return Result("rejected", "two-factor-required")
        if state.session == "stale":
            return Result("reauthenticate", "reauthentication")
        return Result("done", fields={"page": "select-a-backup-method" if state.backup else "set-up-a-backup-method"})
    if action == "reauthenticate":
        state.session = "fresh"
        return Result("done")
    if action == "open_account_management":
        return Result("done", fields={"banner": state.banner()})
    if action == "choose_backup_option":
        if not sage:
            return Result("rejected", "sage-account-only")
        if not two_factor:
            return Result("rejected", "two-factor-required")
        return Result("done", fields={"message": "code-sent" if state.backup else "no-backup-method"})
    if action in ("lose_device", "lose_recovery_key"):
        assert two_factor, "losing a 2FA device or key without 2FA is a scenario error"
        if action == "lose_device":
            state.device = "lost"
        else:
            state.recovery_key = "lost"
        return Result("done")
    if action == "recover":
        if not sage:
            return Result("rejected", "sage-account-only")
        if not two_factor:
            return Result("rejected", "two-factor-required")
        if not state.backup:
            return Result("rejected", "backup-required")
        if state.recovery_key == "held":
            return Result("rejected", "recovery-key-first")
        if argument == "remove-2fa-device" and state.device == "available":
            return Result("rejected", "device-lost-to-remove")
        if argument == "new-recovery-key":
            state.recovery_key = "held"
        else:
            state.two_factor = None
        state.session = "fresh"
        return Result("done")
    raise ValueError(action)


