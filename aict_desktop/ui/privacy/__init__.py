"""Privacy UI: masked personal fields with an explicit, logged reveal; the access log; the passphrase."""
