"""cti-desk: call-center desktop for an omnichannel retailer."""

__version__ = "0.1.0"
