"""policykg.link stage."""
