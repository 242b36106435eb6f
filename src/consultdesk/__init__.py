"""ConsultDesk — 복약상담 데스크: medication consultations for visiting pharmacists."""

__version__ = "0.1.0"
