"""目标与考核: targets, assessment, the index and the annual report."""
