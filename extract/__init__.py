"""policykg.extract stage."""
