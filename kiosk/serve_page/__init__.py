"""The page `hallkit serve` hands a browser (app_index.html): textual-serve's own, with
the terminal font served from this machine instead of Google Fonts."""
