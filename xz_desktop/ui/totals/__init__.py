"""The district's totals: 汇总 and 分单位数据, the progress chart, the Excel actions, a year's reports."""
