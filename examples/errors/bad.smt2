(set-logic QF_SHLS)
(assert (pto x
