"""The action plans plugin's services: plans and their sections, co-editing, merging, access."""
