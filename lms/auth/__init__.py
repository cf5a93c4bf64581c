"""Accounts: sign-up, email verification, log-in and log-out, password reset."""
