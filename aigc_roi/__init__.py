"""aigc-roi: ROI, payback and LTV of user acquisition for generative-AI apps."""

__version__ = "0.1.0"
