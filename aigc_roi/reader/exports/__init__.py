"""Ad-platform report exports (CSV or xlsx) read into ``model.actuals.Report`` for `actuals`."""

from aigc_roi.reader.exports.report import Horizon, read_report

__all__ = ["Horizon", "read_report"]
