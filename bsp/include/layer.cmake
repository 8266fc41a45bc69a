# The bsp contract: the headers in bsp/ that every board implements and the app uses (board, console,
# cycle counter, memory placement, stack, watchdog, board commands, boot hooks, register access).
# Headers only; every board layer depends on it, and it is all of a board the app may include.
strata_layer(NAME bsp-contract)
