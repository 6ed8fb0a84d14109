"""The supervisor's window (`--role supervisor`): live queues and the KPIs of calls.

pyqtgraph is imported only inside this package, so the operator's start-up never pays
for it (app/gui.py imports the package only for the supervisor role).
"""
