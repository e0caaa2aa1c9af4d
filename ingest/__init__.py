"""policykg.ingest stage."""
