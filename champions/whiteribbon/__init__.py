"""White Ribbon UK accreditation: organisations' cycles through the stages, their three-year
action plans, their White Ribbon ambassadors and champions, and the coordinators' pipeline.

The rules (which stage may follow which, when accreditation expires, when renewal falls due)
live in `services.py`; the models hold the facts. "Champion" here always means a White Ribbon
champion, never one of the VAWG champions network: every label says which.
"""
