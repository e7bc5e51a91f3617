from kiosk.screens.consent import ConsentScreen
from kiosk.screens.form import RegistrationScreen
from kiosk.screens.notice import NoticeScreen
from kiosk.screens.ticket import TicketScreen
from kiosk.screens.welcome import WelcomeScreen

__all__ = ["ConsentScreen", "NoticeScreen", "RegistrationScreen", "TicketScreen", "WelcomeScreen"]
