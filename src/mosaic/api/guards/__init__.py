"""What every request passes before a handler.

Who asks (authentication), from where (security), how much it carries (limits).
"""
