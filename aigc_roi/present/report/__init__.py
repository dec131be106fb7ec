"""The HTML report (`aigc-roi report`): one self-contained page finance can sign.

``page.render`` takes the same results the other presenters take and returns
one HTML string; charts are inline SVG strings from ``svg``; every figure's
formula is read from docs/formulas.md (packaged beside this module as
``formulas.md``), never typed twice.
"""
