"""Who may see what: organisations, markings and the policy that applies them."""
