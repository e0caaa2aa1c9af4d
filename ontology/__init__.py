"""policykg.ontology stage."""
