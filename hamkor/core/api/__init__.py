"""Base classes of every app's REST API: scoped viewsets and role permissions."""
