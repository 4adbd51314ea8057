"""The values every stage reads: the assembled site, the table schemas and their rules, problems."""
