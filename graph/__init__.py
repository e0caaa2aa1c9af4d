"""policykg.graph stage."""
