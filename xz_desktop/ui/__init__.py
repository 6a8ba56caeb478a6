"""The Qt window. Holds no business rule: it calls services and shows their results."""
