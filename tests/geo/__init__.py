from froissart.geo.distance import km as _km


def km(e, lat, lon) -> float:
    """Distance in km from a gazetteer entry or place to a point."""
    return _km(e.lat, e.lon, lat, lon)
