"""Every page: the routing table (URLs and page kinds), contexts, templates rendered to bytes."""
