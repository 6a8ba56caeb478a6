"""The reporting round (填报 → 上报 → 审核 → 退回 / 验收): due dates, states, review, the outlier screen, the receipt.

``states`` says where each unit's period stands (and is what the merge asks before it takes a
package: ``states.lock_problem``); ``due`` sets due dates; ``review`` accepts, returns and reopens;
``screen`` compares units; ``receipt`` writes and reads the one file that goes back to a unit.
The rules themselves (what a state is, lateness, the robust z-score) are in ``domain/round.py``.
"""
