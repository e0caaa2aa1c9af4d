"""policykg.api stage."""
