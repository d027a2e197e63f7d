from django.dispatch import Signal

# Sent by every call of the service layer that changed a case, after its event row is written:
# sender=Case, case=..., event=CaseEvent, action="submit" | "reply" | "resolve" | ..., actor=user.
case_changed = Signal()
