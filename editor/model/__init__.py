"""Templates, fields, releases, contacts and level sets: plain data, no Qt."""
