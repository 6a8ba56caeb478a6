"""The reporting round: 报送情况, 审核 and its log, 冲突."""
