"""Reading, checking and querying a Factdeck dataset. Pure Python and pandas: no Qt here."""
