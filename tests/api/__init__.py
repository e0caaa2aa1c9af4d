"""policykg tests."""
